using Chucheon.Data.Readers;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Readers;

public sealed class AtomicReaderTests
{
    private static TempDirectory Fixture(string inter)
    {
        var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "toy");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "toy.inter"), inter);
        File.WriteAllText(Path.Combine(folder, "toy.user"), "user_id:token\tage:float\tgender:token\nu1\t24\tM\nu3\t\tF\n");
        File.WriteAllText(Path.Combine(folder, "toy.item"),
            "item_id:token\tclass:token_seq\tprice:float\temb:float_seq\ni1\tAction Drama\t9.5\t0.1 0.2\ni2\t\t\t0.3\n");
        return dir;
    }

    [Fact]
    public void ReadsInteractionsAndTypedFeatures()
    {
        using var dir = Fixture("user_id:token\titem_id:token\trating:float\ttimestamp:float\tsession:token\nu1\ti1\t4\t881250949.0\ts\nu2\ti2\t3\t881250950\ts\n");
        var report = new LoadReport();

        var dataset = AtomicReader.Load(Path.Combine(dir.Path, "toy"), report: report);

        Assert.Equal("toy", dataset.Name);
        Assert.Equal(["u1", "u2", "u3"], dataset.Users.RawIds);
        Assert.Equal([4f, 3f], dataset.Log.Ratings!);
        Assert.Equal([881250949L, 881250950L], dataset.Log.Timestamps!);
        Assert.Contains(report.Notes, n => n.Contains("ignored: session", StringComparison.Ordinal));

        var users = dataset.UserFeatures!;
        Assert.Equal(24f, ((NumericFeature)users["age"]).Values[0]);
        Assert.True(float.IsNaN(((NumericFeature)users["age"]).Values[1]));
        Assert.True(float.IsNaN(((NumericFeature)users["age"]).Values[2]));
        var items = dataset.ItemFeatures!;
        var classes = (MultiCategoricalFeature)items["class"];
        Assert.Equal(["Action", "Drama"], classes.Of(0).ToArray().Select(classes.Vocabulary.GetRaw));
        Assert.Equal(0, classes.Of(1).Length);
        Assert.Equal([0.1f, 0.3f], ((NumericFeature)items["emb_0"]).Values);
        Assert.Equal(0.2f, ((NumericFeature)items["emb_1"]).Values[0]);
        Assert.True(float.IsNaN(((NumericFeature)items["emb_1"]).Values[1]));
    }

    [Fact]
    public void WithoutRatingFieldTheLogHasNoRatings()
    {
        using var dir = Fixture("user_id:token\titem_id:token\nu1\ti1\n");
        var dataset = AtomicReader.Load(Path.Combine(dir.Path, "toy"));
        Assert.Null(dataset.Log.Ratings);
        Assert.Null(dataset.Log.Timestamps);
    }

    [Fact]
    public void BadValuesAndTypesAreNamed()
    {
        using var badRating = Fixture("user_id:token\titem_id:token\trating:float\nu1\ti1\tfour\n");
        var error = Assert.Throws<DataFormatException>(() => AtomicReader.Load(Path.Combine(badRating.Path, "toy")));
        Assert.Equal("toy.inter:2: field 'rating': 'four' is not a number", error.Message);

        using var badType = Fixture("user_id:token\titem_id:int\nu1\ti1\n");
        var typeError = Assert.Throws<DataFormatException>(() => AtomicReader.Load(Path.Combine(badType.Path, "toy")));
        Assert.Contains("field 'item_id': unknown type 'int'", typeError.Message, StringComparison.Ordinal);

        using var badFeature = Fixture("user_id:token\titem_id:token\nu1\ti1\n");
        File.AppendAllText(Path.Combine(badFeature.Path, "toy", "toy.item"), "i3\tX\tcheap\t1\n");
        var featureError = Assert.Throws<DataFormatException>(() => AtomicReader.Load(Path.Combine(badFeature.Path, "toy")));
        Assert.Equal("toy.item:4: field 'price': 'cheap' is not a number", featureError.Message);
    }
}
