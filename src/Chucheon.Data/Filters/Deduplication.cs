namespace Chucheon.Data.Filters;

/// <summary>Marks which rows survive when repeated (user, item) pairs are collapsed to one occurrence.</summary>
public static class Deduplication
{
    /// <summary>Per row: whether it is the kept occurrence of its pair. "First" and "last" are in time order; ties in
    /// time (and logs without timestamps) fall back to file order, matching <see cref="InteractionLog.RowsByUserInTimeOrder"/>.</summary>
    public static bool[] Keep(InteractionLog log, int userCount, int itemCount, DedupePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(log);
        var keep = new bool[log.Count];
        if (policy == DedupePolicy.None)
        {
            Array.Fill(keep, true);
            return keep;
        }

        // lastUserSeen[item] == u means u's pair with that item is already kept; one array serves all users because
        // each user's rows are visited together.
        var lastUserSeen = new int[itemCount];
        Array.Fill(lastUserSeen, -1);
        var byUser = log.RowsByUserInTimeOrder(userCount);
        for (var u = 0; u < userCount; u++)
        {
            var rows = byUser[u];
            for (var k = 0; k < rows.Length; k++)
            {
                var r = policy == DedupePolicy.First ? rows[k] : rows[rows.Length - 1 - k];
                var item = log.Items[r];
                if (lastUserSeen[item] != u)
                {
                    lastUserSeen[item] = u;
                    keep[r] = true;
                }
            }
        }

        return keep;
    }
}
