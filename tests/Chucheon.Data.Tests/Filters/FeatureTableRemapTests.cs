using Chucheon.Data.Filters;

namespace Chucheon.Data.Tests.Filters;

public class FeatureTableRemapTests
{
    [Fact]
    public void Rows_follow_the_given_old_ids_and_ids_past_the_table_get_missing_values()
    {
        var vocabulary = new IdMap(["a", "b", "c"]);
        var table = new FeatureTable(3);
        table.Add(new CategoricalFeature("cat", vocabulary, [0, 1, 2]));
        table.Add(MultiCategoricalFeature.FromLists("multi", vocabulary, [[0], [1, 2], []]));
        table.Add(new NumericFeature("num", [1, 2, 3]));
        table.Add(new TextFeature("text", ["zero", "one", "two"]));

        var remapped = table.SelectRows([2, 0, 5]);

        Assert.Equal(3, remapped.Rows);
        Assert.Equal(["cat", "multi", "num", "text"], remapped.Columns.Select(c => c.Name));
        Assert.Equal([2, 0, -1], ((CategoricalFeature)remapped["cat"]).Values);
        var multi = (MultiCategoricalFeature)remapped["multi"];
        Assert.Equal([0, 0, 1, 1], multi.Offsets);
        Assert.Equal([0], multi.Values);
        Assert.Equal([3f, 1f, float.NaN], ((NumericFeature)remapped["num"]).Values);
        Assert.Equal<string?>(["two", "zero", null], ((TextFeature)remapped["text"]).Values.AsEnumerable());
    }
}
