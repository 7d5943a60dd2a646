using Chucheon.Data.Splits;
using Chucheon.Data.Tests.Support;

namespace Chucheon.Data.Tests.Splits;

public class LastPlusRandomTests
{
    // Times run backwards through the file so that "last" by time is not simply the last row.
    private static readonly InteractionDataset Data = TinyData.Build(
        ("u", "f", 6), ("u", "e", 5), ("u", "d", 4), ("u", "c", 3), ("u", "b", 2), ("u", "a", 1), ("short", "x", 1), ("short", "y", 2));

    [Fact]
    public void Test_is_the_latest_item_plus_n_random_earlier_ones()
    {
        var split = Splitters.Split(Data, new SplitSpec { Method = SplitMethod.LastPlusRandom, HeldOutRandom = 2 }, seed: 5);

        var test = TinyData.Rows(Data, split.Test);
        var userTest = test.Where(r => r.User == "u").ToList();
        Assert.Equal(3, userTest.Count);
        Assert.Contains(("u", "f", 6L), userTest);
        // "short" has two rows: only its latest can be held out, one stays to train.
        Assert.Equal([("short", "y", 2L)], test.Where(r => r.User == "short"));
        Assert.Equal(3 + 1, split.Train.Log.Count);
        Assert.Equal("last-plus-random", split.Method);
    }

    [Fact]
    public void Validation_applies_the_same_rule_to_what_test_left()
    {
        var split = Splitters.Split(Data, new SplitSpec { Method = SplitMethod.LastPlusRandom, HeldOutRandom = 2, Validation = true }, seed: 5);

        var train = TinyData.Rows(Data, split.Train.Log).Where(r => r.User == "u").ToList();
        var validation = TinyData.Rows(Data, split.Validation);
        var test = TinyData.Rows(Data, split.Test).Where(r => r.User == "u").ToList();
        // Of u's six rows, test takes 3, leaving 3: validation takes the latest of those plus one random (one must train).
        Assert.Equal((3, 2, 1), (test.Count, validation.Count, train.Count));
        Assert.Equal(validation.Concat(train).Max(r => r.Time), validation.Max(r => r.Time));
        Assert.True(validation.Concat(train).Max(r => r.Time) < 6);
    }

    [Fact]
    public void Zero_random_items_is_leave_one_out()
    {
        var spec = new SplitSpec { Method = SplitMethod.LastPlusRandom, HeldOutRandom = 0 };
        var loo = Splitters.Split(Data, new SplitSpec { Method = SplitMethod.LeaveOneOut }, seed: 5);

        Assert.Equal(TinyData.Pairs(Data, loo.Test), TinyData.Pairs(Data, Splitters.Split(Data, spec, seed: 5).Test));
    }
}
