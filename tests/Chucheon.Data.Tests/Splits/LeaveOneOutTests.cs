using Chucheon.Data.Splits;
using Chucheon.Data.Tests.Support;

namespace Chucheon.Data.Tests.Splits;

public class LeaveOneOutTests
{
    // u1's rows b and d tie at t=30: d comes later in the file, so d is the last item and b the second-to-last.
    private static readonly InteractionDataset Data = TinyData.Build(
        ("u1", "a", 10), ("u1", "b", 30), ("u2", "a", 5), ("u1", "c", 20), ("u1", "d", 30), ("u3", "x", 5), ("u3", "y", 6));

    [Fact]
    public void Latest_item_is_test_and_ties_in_time_keep_file_order()
    {
        var split = Splitters.Split(Data, new SplitSpec { Method = SplitMethod.LeaveOneOut }, seed: 1);

        Assert.Equal(["u1:d", "u3:y"], TinyData.Pairs(Data, split.Test));
        Assert.Empty(split.Validation.Users);
        Assert.Equal(["u1:a", "u1:b", "u2:a", "u1:c", "u3:x"], TinyData.Pairs(Data, split.Train.Log));
        Assert.Null(split.FoldIn);
        Assert.Equal("leave-one-out", split.Method);
    }

    [Fact]
    public void With_validation_the_second_to_last_item_is_validation()
    {
        var split = Splitters.Split(Data, new SplitSpec { Method = SplitMethod.LeaveOneOut, Validation = true }, seed: 1);

        Assert.Equal(["u1:d", "u3:y"], TinyData.Pairs(Data, split.Test));
        // u3 has two rows: it gives up its test row only and keeps one to train on.
        Assert.Equal(["u1:b"], TinyData.Pairs(Data, split.Validation));
        Assert.Equal(["u1:a", "u2:a", "u1:c", "u3:x"], TinyData.Pairs(Data, split.Train.Log));
    }

    [Fact]
    public void Users_below_min_history_stay_in_train()
    {
        var split = Splitters.Split(Data, new SplitSpec { Method = SplitMethod.LeaveOneOut, MinHistory = 3 }, seed: 1);

        Assert.Equal(["u1:d"], TinyData.Pairs(Data, split.Test));
        Assert.Contains("u3:y", TinyData.Pairs(Data, split.Train.Log));
    }

    [Fact]
    public void Without_timestamps_file_order_decides()
    {
        var data = new InteractionDataset("no-times", new IdMap(["u"]), new IdMap(["a", "b", "c"]), new InteractionLog([0, 0, 0], [2, 0, 1]));

        var split = Splitters.Split(data, new SplitSpec { Method = SplitMethod.LeaveOneOut, Validation = true }, seed: 1);

        Assert.Equal([1], split.Test.Items);
        Assert.Equal([0], split.Validation.Items);
        Assert.Equal([2], split.Train.Log.Items);
    }

    [Fact]
    public void On_ml100k_every_one_of_the_943_users_gets_one_test_row()
    {
        var data = Ml100k.Dataset;

        var split = Splitters.Split(data, new SplitSpec { Method = SplitMethod.LeaveOneOut, Validation = true }, seed: 7);

        Assert.Equal(943, split.Test.Count);
        Assert.Equal(943, split.Validation.Count);
        Assert.Equal(943, split.Test.Users.Distinct().Count());
        Assert.Equal(data.Log.Count - 2 * 943, split.Train.Log.Count);
        var latest = new long[data.UserCount];
        for (var r = 0; r < data.Log.Count; r++) { latest[data.Log.Users[r]] = Math.Max(latest[data.Log.Users[r]], data.Log.Timestamps![r]); }
        for (var r = 0; r < split.Test.Count; r++) { Assert.Equal(latest[split.Test.Users[r]], split.Test.Timestamps![r]); }
    }
}
