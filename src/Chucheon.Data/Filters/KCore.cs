namespace Chucheon.Data.Filters;

/// <summary>The k-core of the user–item graph: the largest set of rows in which every user that remains has at least
/// <c>minPerUser</c> rows and every item at least <c>minPerItem</c>.</summary>
/// <remarks>Found by peeling: an entity below its threshold is removed with all its rows, which lowers the counts of
/// the entities on the other side, which may then be removed in turn. This reaches the same fixed point as repeating
/// "filter users, filter items" until nothing changes (the core is unique), in time linear in the number of rows rather
/// than rows × rounds. Counts are rows, so repeated events count unless <see cref="DedupePolicy"/> removed them.</remarks>
public static class KCore
{
    /// <summary>Per row: whether it survives.</summary>
    public static bool[] Keep(InteractionLog log, int userCount, int itemCount, int minPerUser, int minPerItem)
    {
        ArgumentNullException.ThrowIfNull(log);
        var alive = new bool[log.Count];
        Array.Fill(alive, true);
        var userRows = RowsOf(log.Users, userCount);
        var itemRows = RowsOf(log.Items, itemCount);
        var userCounts = Lengths(userRows);
        var itemCounts = Lengths(itemRows);

        // Entity ids in one queue: users as themselves, items offset by userCount.
        var queue = new Queue<int>();
        for (var u = 0; u < userCount; u++)
        {
            if (userCounts[u] > 0 && userCounts[u] < minPerUser) { queue.Enqueue(u); }
        }

        for (var i = 0; i < itemCount; i++)
        {
            if (itemCounts[i] > 0 && itemCounts[i] < minPerItem) { queue.Enqueue(userCount + i); }
        }

        while (queue.TryDequeue(out var entity))
        {
            var isUser = entity < userCount;
            var rows = isUser ? userRows[entity] : itemRows[entity - userCount];
            var ownCounts = isUser ? userCounts : itemCounts;
            var ownIndex = isUser ? entity : entity - userCount;
            if (ownCounts[ownIndex] == 0)
            {
                continue; // already removed through an earlier queue entry
            }

            ownCounts[ownIndex] = 0;
            foreach (var r in rows)
            {
                if (!alive[r]) { continue; }
                alive[r] = false;
                if (isUser)
                {
                    var item = log.Items[r];
                    if (--itemCounts[item] > 0 && itemCounts[item] == minPerItem - 1) { queue.Enqueue(userCount + item); }
                }
                else
                {
                    var user = log.Users[r];
                    if (--userCounts[user] > 0 && userCounts[user] == minPerUser - 1) { queue.Enqueue(user); }
                }
            }
        }

        return alive;
    }

    private static int[][] RowsOf(int[] ids, int count)
    {
        var sizes = new int[count];
        foreach (var id in ids) { sizes[id]++; }
        var rows = new int[count][];
        for (var e = 0; e < count; e++) { rows[e] = new int[sizes[e]]; }
        Array.Clear(sizes);
        for (var r = 0; r < ids.Length; r++) { rows[ids[r]][sizes[ids[r]]++] = r; }
        return rows;
    }

    private static int[] Lengths(int[][] rows) => [.. rows.Select(r => r.Length)];
}
