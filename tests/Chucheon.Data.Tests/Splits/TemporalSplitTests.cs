using Chucheon.Configuration;
using Chucheon.Data.Splits;
using Chucheon.Data.Tests.Support;

namespace Chucheon.Data.Tests.Splits;

public class TemporalSplitTests
{
    private static InteractionDataset AtTimes(params long[] times) =>
        TinyData.Build([.. times.Select((t, i) => ($"u{i % 3}", $"i{i}", t))]);

    private static long[] Times(InteractionLog log) => log.Timestamps!;

    [Fact]
    public void Ratios_cut_at_quantiles_of_the_rows_timestamps()
    {
        var data = AtTimes(3, 1, 2, 10, 9, 8, 7, 6, 5, 4);

        var split = Splitters.Split(data, new SplitSpec { Method = SplitMethod.Temporal, TestRatio = 0.2, ValidationRatio = 0.2 }, seed: 0);

        Assert.Equal([10L, 9], Times(split.Test));
        Assert.Equal([8L, 7], Times(split.Validation));
        Assert.Equal([3L, 1, 2, 6, 5, 4], Times(split.Train.Log));
        Assert.Equal("temporal", split.Method);
    }

    [Fact]
    public void Rows_sharing_the_cutoff_time_all_go_to_the_later_part()
    {
        var data = AtTimes(1, 2, 3, 4, 5, 6, 7, 8, 8, 8);

        var split = Splitters.Split(data, new SplitSpec { Method = SplitMethod.Temporal, TestRatio = 0.2, ValidationRatio = 0.1 }, seed: 0);

        // 20% of 10 rows would be 2, but the cutoff time 8 is shared by three rows; validation would start at 8 too.
        Assert.Equal([8L, 8, 8], Times(split.Test));
        Assert.Empty(Times(split.Validation));
    }

    [Fact]
    public void Explicit_cutoffs_are_inclusive_lower_bounds()
    {
        var data = AtTimes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        var split = Splitters.Split(data, new SplitSpec { Method = SplitMethod.Temporal, Cutoff = 8, ValidCutoff = 6 }, seed: 0);
        var noValidation = Splitters.Split(data, new SplitSpec { Method = SplitMethod.Temporal, Cutoff = 8 }, seed: 0);

        Assert.Equal([8L, 9, 10], Times(split.Test));
        Assert.Equal([6L, 7], Times(split.Validation));
        Assert.Equal([8L, 9, 10], Times(noValidation.Test));
        Assert.Empty(noValidation.Validation.Users);
        Assert.Equal(7, noValidation.Train.Log.Count);
    }

    [Fact]
    public void Needs_timestamps()
    {
        var data = new InteractionDataset("no-times", new IdMap(["u"]), new IdMap(["a"]), new InteractionLog([0], [0]));

        var e = Assert.Throws<OptionsException>(() => Splitters.Split(data, new SplitSpec { Method = SplitMethod.Temporal }, seed: 0));
        Assert.Equal("split.method", e.Key);
    }

    [Fact]
    public void On_ml100k_train_precedes_validation_precedes_test()
    {
        var split = Splitters.Split(Ml100k.Dataset, new SplitSpec { Method = SplitMethod.Temporal }, seed: 0);

        Assert.True(Times(split.Train.Log).Max() < Times(split.Validation).Min());
        Assert.True(Times(split.Validation).Max() < Times(split.Test).Min());
        Assert.InRange(split.Test.Count, 9_900, 10_200);
    }
}
