using Chucheon.Data.Splits;

namespace Chucheon.Data.Tests.Support;

/// <summary>Random logs for property tests, shaped to hit edge cases: users with one row, repeated pairs, many ties in
/// time, an id-map entry without rows. The rating column holds each row's original index, so tests can tell exactly
/// which input row ended up where.</summary>
internal static class RandomData
{
    public static InteractionDataset Build(int seed, int maxUsers = 30, int maxItems = 25, int maxRows = 400)
    {
        var random = new SplitMix64((ulong)seed);
        var userCount = 1 + random.NextInt(maxUsers);
        var itemCount = 1 + random.NextInt(maxItems);
        var rowCount = random.NextInt(maxRows + 1);
        var users = new IdMap();
        var items = new IdMap();
        var u = new int[rowCount];
        var i = new int[rowCount];
        var ratings = new float[rowCount];
        var times = new long[rowCount];
        var events = new int[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            // Squaring skews activity so that some users and items are rare and some popular.
            var du = random.NextDouble();
            var di = random.NextDouble();
            u[r] = users.GetOrAdd("u" + (int)(du * du * userCount));
            i[r] = items.GetOrAdd("i" + (int)(di * di * itemCount));
            ratings[r] = r;
            times[r] = 1000 + random.NextInt(60); // few distinct times: ties everywhere
            events[r] = random.NextInt(2);
        }

        users.GetOrAdd("user-without-rows");
        items.GetOrAdd("item-without-rows");
        var eventTypes = new IdMap(["view", "buy"]);
        return new InteractionDataset("random", users, items, new InteractionLog(u, i, ratings, times, events), eventTypes: eventTypes);
    }

    /// <summary>Original row indices of a log built by <see cref="Build"/> (or any selection of it).</summary>
    public static int[] RowIds(InteractionLog log) => [.. log.Ratings!.Select(r => (int)r)];
}
