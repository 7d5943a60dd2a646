using Chucheon.Data.Splits;
using Chucheon.Data.Tests.Support;

namespace Chucheon.Data.Tests.Splits;

public class PredefinedSplitTests
{
    private static readonly InteractionDataset Train = TinyData.Build(("a", "x", 1), ("b", "y", 2));

    [Fact]
    public void Wraps_parts_that_fit_the_shared_id_maps()
    {
        var test = new InteractionLog([0, 1], [1, 0]);

        var split = PredefinedSplit.Create(Train, InteractionLog.Empty, test);

        Assert.Same(Train, split.Train);
        Assert.Same(test, split.Test);
        Assert.Null(split.FoldIn);
        Assert.Equal("predefined", split.Method);
    }

    [Fact]
    public void Rejects_ids_outside_the_id_maps()
    {
        var e = Assert.Throws<DataFormatException>(() => PredefinedSplit.Create(Train, new InteractionLog([0], [2]), new InteractionLog([0], [0])));
        Assert.Contains("validation row 0 has item id 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<DataFormatException>(() => PredefinedSplit.Create(Train, InteractionLog.Empty, new InteractionLog([5], [0])));
        Assert.Throws<DataFormatException>(() => PredefinedSplit.Create(Train, InteractionLog.Empty, new InteractionLog([0], [0], eventTypes: [0])));
    }

    [Fact]
    public void Rejects_an_empty_test_part()
    {
        Assert.Throws<DataFormatException>(() => PredefinedSplit.Create(Train, InteractionLog.Empty, InteractionLog.Empty));
    }

    [Fact]
    public void Splitters_point_predefined_splits_to_their_files()
    {
        var spec = new SplitSpec { Method = SplitMethod.Predefined, Train = "u1.base", Test = "u1.test" };
        Assert.Throws<InvalidOperationException>(() => Splitters.Split(Train, spec, seed: 0));
    }
}
