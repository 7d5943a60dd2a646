using Chucheon.Data.Filters;
using Chucheon.Data.Tests.Support;
using FsCheck.Xunit;

namespace Chucheon.Data.Tests.Filters;

public class KCorePropertyTests
{
    [Property(MaxTest = 200)]
    public void Every_remaining_user_and_item_meets_its_threshold(int seed, byte userK, byte itemK)
    {
        var data = RandomData.Build(seed);
        var spec = new FilterSpec { MinUserInteractions = userK % 6, MinItemInteractions = itemK % 6 };

        var (result, _) = DatasetFilters.Apply(data, spec);

        var userCounts = new int[result.UserCount];
        var itemCounts = new int[result.ItemCount];
        foreach (var u in result.Log.Users) { userCounts[u]++; }
        foreach (var i in result.Log.Items) { itemCounts[i]++; }
        Assert.All(userCounts, c => Assert.True(c >= Math.Max(1, spec.MinUserInteractions)));
        Assert.All(itemCounts, c => Assert.True(c >= Math.Max(1, spec.MinItemInteractions)));
    }

    [Property(MaxTest = 200)]
    public void Peeling_reaches_the_same_fixed_point_as_repeated_filtering(int seed, byte userK, byte itemK)
    {
        var data = RandomData.Build(seed);
        int ku = userK % 6, ki = itemK % 6;

        var peeled = KCore.Keep(data.Log, data.UserCount, data.ItemCount, ku, ki);

        Assert.Equal(RepeatUntilStable(data, ku, ki), peeled);
    }

    [Fact]
    public void Five_core_of_ml100k_keeps_all_943_users()
    {
        var (result, report) = DatasetFilters.Apply(Ml100k.Dataset, new FilterSpec { MinUserInteractions = 5, MinItemInteractions = 5 });

        Assert.Equal(943, result.UserCount);
        Assert.True(result.ItemCount < Ml100k.Dataset.ItemCount); // some of the 1682 films have fewer than 5 ratings
        Assert.Equal(Ml100k.Dataset.Users.RawIds, result.Users.RawIds);
        Assert.Equal(report.InputRows - report.OutputRows, report.Steps.Sum(s => s.RowsRemoved));
    }

    /// <summary>The textbook definition, slow but obviously right: drop under-threshold users and items until nothing changes.</summary>
    private static bool[] RepeatUntilStable(InteractionDataset data, int ku, int ki)
    {
        var alive = Enumerable.Repeat(true, data.Log.Count).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            var uc = new int[data.UserCount];
            var ic = new int[data.ItemCount];
            for (var r = 0; r < alive.Length; r++)
            {
                if (alive[r]) { uc[data.Log.Users[r]]++; ic[data.Log.Items[r]]++; }
            }

            for (var r = 0; r < alive.Length; r++)
            {
                if (alive[r] && (uc[data.Log.Users[r]] < ku || ic[data.Log.Items[r]] < ki))
                {
                    alive[r] = false;
                    changed = true;
                }
            }
        }

        return alive;
    }
}
