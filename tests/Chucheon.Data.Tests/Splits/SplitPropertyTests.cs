using Chucheon.Data.Splits;
using Chucheon.Data.Tests.Support;
using FsCheck.Xunit;

namespace Chucheon.Data.Tests.Splits;

/// <summary>Properties every split method must have, checked on random logs full of ties, repeats and tiny users.</summary>
public class SplitPropertyTests
{
    public static TheoryData<string> Methods => ["leave-one-out", "leave-one-out+validation", "temporal", "temporal-cutoff", "random",
        "last-plus-random", "last-plus-random+validation", "held-out-users", "held-out-users-cold"];

    private static SplitSpec Spec(string name) => name switch
    {
        "leave-one-out" => new SplitSpec { Method = SplitMethod.LeaveOneOut },
        "leave-one-out+validation" => new SplitSpec { Method = SplitMethod.LeaveOneOut, Validation = true },
        "temporal" => new SplitSpec { Method = SplitMethod.Temporal, TestRatio = 0.2, ValidationRatio = 0.15 },
        "temporal-cutoff" => new SplitSpec { Method = SplitMethod.Temporal, Cutoff = 1050, ValidCutoff = 1030 },
        "random" => new SplitSpec { Method = SplitMethod.Random, TestRatio = 0.2, ValidationRatio = 0.2 },
        "last-plus-random" => new SplitSpec { Method = SplitMethod.LastPlusRandom, HeldOutRandom = 3 },
        "last-plus-random+validation" => new SplitSpec { Method = SplitMethod.LastPlusRandom, HeldOutRandom = 2, Validation = true },
        "held-out-users" => new SplitSpec { Method = SplitMethod.HeldOutUsers, HeldOutUsers = 0.2, ValidationUsers = 0.2 },
        "held-out-users-cold" => new SplitSpec { Method = SplitMethod.HeldOutUsers, HeldOutUsers = 0.3, ValidationUsers = 0, FoldInRatio = 0, MinHistory = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Property(MaxTest = 60)]
    public void Every_method_partitions_the_input_and_keeps_source_order(int dataSeed, int splitSeed)
    {
        var data = RandomData.Build(dataSeed);
        foreach (var method in Methods)
        {
            var split = Splitters.Split(data, Spec(method), splitSeed);
            SplitChecks.AssertPartition(data, split);
            SplitChecks.AssertSourceOrder(split);
        }
    }

    [Property(MaxTest = 60)]
    public void The_same_seed_gives_the_same_split(int dataSeed, int splitSeed)
    {
        var data = RandomData.Build(dataSeed);
        foreach (var method in Methods)
        {
            var first = SplitChecks.RowIdsByPart(Splitters.Split(data, Spec(method), splitSeed));
            var second = SplitChecks.RowIdsByPart(Splitters.Split(data, Spec(method), splitSeed));
            Assert.Equal(first.Train, second.Train);
            Assert.Equal(first.Validation, second.Validation);
            Assert.Equal(first.Test, second.Test);
            Assert.Equal(first.FoldIn, second.FoldIn);
        }
    }

    [Property(MaxTest = 100)]
    public void Leave_one_out_tests_each_user_s_latest_row_and_validates_the_one_before(int dataSeed)
    {
        var data = RandomData.Build(dataSeed);
        var split = Splitters.Split(data, Spec("leave-one-out+validation"), seed: 0);
        var (train, validation, test, _) = SplitChecks.RowIdsByPart(split);
        var times = data.Log.Timestamps!;

        // "Later" is (time, file position): ties in time are broken by file order.
        bool Later(int a, int b) => times[a] > times[b] || (times[a] == times[b] && a > b);
        var userOf = data.Log.Users;
        foreach (var t in test)
        {
            Assert.All(train.Concat(validation).Where(r => userOf[r] == userOf[t]), r => Assert.True(Later(t, r)));
        }

        foreach (var v in validation)
        {
            Assert.All(train.Where(r => userOf[r] == userOf[v]), r => Assert.True(Later(v, r)));
            Assert.Contains(userOf[v], test.Select(t => userOf[t]));
        }

        // Users with at least two rows get exactly one test row; others stay in train.
        var rowCounts = data.Log.Users.CountBy(u => u).ToDictionary();
        Assert.Equal(rowCounts.Where(p => p.Value >= 2).Select(p => p.Key).Order(), test.Select(t => userOf[t]).Order());
    }

    [Property(MaxTest = 100)]
    public void Per_user_methods_never_empty_a_user_s_training_history(int dataSeed, int splitSeed)
    {
        var data = RandomData.Build(dataSeed);
        var activeUsers = data.Log.Users.Distinct().Order().ToArray();
        foreach (var method in new[] { "leave-one-out+validation", "random", "last-plus-random+validation" })
        {
            var split = Splitters.Split(data, Spec(method), splitSeed);
            Assert.Equal(activeUsers, split.Train.Log.Users.Distinct().Order());
        }
    }

    [Property(MaxTest = 100)]
    public void Held_out_users_have_no_training_rows(int dataSeed, int splitSeed)
    {
        var data = RandomData.Build(dataSeed);
        foreach (var method in new[] { "held-out-users", "held-out-users-cold" })
        {
            var split = Splitters.Split(data, Spec(method), splitSeed);
            var heldOut = split.Test.Users.Concat(split.Validation.Users).Concat(split.FoldIn!.Users).ToHashSet();
            Assert.DoesNotContain(split.Train.Log.Users, heldOut.Contains);
            Assert.Empty(split.Test.Users.Intersect(split.Validation.Users));
        }
    }

    [Property(MaxTest = 100)]
    public void Temporal_parts_follow_each_other_in_time(int dataSeed)
    {
        var data = RandomData.Build(dataSeed);
        var split = Splitters.Split(data, Spec("temporal"), seed: 0);

        var train = split.Train.Log.Timestamps!;
        var validation = split.Validation.Timestamps!;
        var test = split.Test.Timestamps!;
        Assert.True(train.Length == 0 || validation.Concat(test).All(t => t > train.Max()));
        Assert.True(validation.Length == 0 || test.All(t => t > validation.Max()));
    }
}
