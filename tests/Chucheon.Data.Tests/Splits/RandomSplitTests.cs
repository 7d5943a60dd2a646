using Chucheon.Data.Splits;
using Chucheon.Data.Tests.Support;

namespace Chucheon.Data.Tests.Splits;

public class RandomSplitTests
{
    private static InteractionDataset UsersWithRowCounts(params int[] counts) =>
        TinyData.Build([.. counts.SelectMany((n, u) => Enumerable.Range(0, n).Select(i => ($"u{u}", $"i{i}", (long)i)))]);

    private static int[] CountsPerUser(InteractionLog log, int users)
    {
        var counts = new int[users];
        foreach (var u in log.Users) { counts[u]++; }
        return counts;
    }

    [Fact]
    public void Holds_out_rounded_shares_of_each_user_and_always_leaves_one_row_to_train()
    {
        var data = UsersWithRowCounts(10, 5, 4, 1);

        var split = Splitters.Split(data, new SplitSpec { Method = SplitMethod.Random }, seed: 3);

        // 10% of 10 = 1; 10% of 5 = 0.5 rounds up to 1; 10% of 4 = 0.4 rounds to 0; a single row stays.
        Assert.Equal([1, 1, 0, 0], CountsPerUser(split.Test, 4));
        Assert.Equal([1, 1, 0, 0], CountsPerUser(split.Validation, 4));
        Assert.Equal([8, 3, 4, 1], CountsPerUser(split.Train.Log, 4));
        Assert.Equal("random", split.Method);
    }

    [Fact]
    public void When_rounding_would_take_everything_validation_gives_way_first()
    {
        var data = UsersWithRowCounts(2, 3);

        var split = Splitters.Split(data, new SplitSpec { Method = SplitMethod.Random, TestRatio = 0.4, ValidationRatio = 0.4 }, seed: 3);

        // Two rows: 0.8 rounds to 1 test and 1 validation; one must train, so validation drops to 0.
        // Three rows: 1.2 rounds to 1 and 1, leaving one to train.
        Assert.Equal([1, 1], CountsPerUser(split.Test, 2));
        Assert.Equal([0, 1], CountsPerUser(split.Validation, 2));
        Assert.Equal([1, 1], CountsPerUser(split.Train.Log, 2));
    }

    [Fact]
    public void Another_seed_draws_other_rows()
    {
        var data = UsersWithRowCounts(50, 50, 50);
        var spec = new SplitSpec { Method = SplitMethod.Random };

        var a = Splitters.Split(data, spec, seed: 1);
        var b = Splitters.Split(data, spec, seed: 2);

        Assert.NotEqual(TinyData.Pairs(data, a.Test), TinyData.Pairs(data, b.Test));
    }

    [Fact]
    public void A_user_s_draw_depends_on_its_raw_id_not_on_other_users()
    {
        var full = UsersWithRowCounts(20, 30, 40);
        var withoutFirst = TinyData.Build([.. TinyData.Rows(full, full.Log).Where(r => r.User != "u0")]);
        var spec = new SplitSpec { Method = SplitMethod.Random };

        var a = TinyData.Pairs(full, Splitters.Split(full, spec, seed: 9).Test).Where(p => !p.StartsWith("u0:", StringComparison.Ordinal));
        var b = TinyData.Pairs(withoutFirst, Splitters.Split(withoutFirst, spec, seed: 9).Test);

        Assert.Equal(a, b);
    }
}
