namespace Chucheon.Data.Readers.Building;

/// <summary>Applies a <see cref="DuplicatePolicy"/> to a log and counts repeated (user, item) pairs in the report.</summary>
internal static class DuplicateResolver
{
    public static InteractionLog Apply(InteractionLog log, int userCount, DuplicatePolicy policy, LoadReport report)
    {
        if (log.Count == 0)
        {
            return log;
        }

        var (offsets, rows) = GroupByUser(log, userCount);
        var keep = policy == DuplicatePolicy.Keep ? null : new bool[log.Count];
        var order = new PairOrder(log.Items, log.Timestamps);
        long repeated = 0;
        for (var u = 0; u < userCount; u++)
        {
            // Sorting a user's rows by (item, time, file position) makes each pair's rows contiguous and chronological.
            var group = rows.AsSpan(offsets[u], offsets[u + 1] - offsets[u]);
            group.Sort(order);
            var start = 0;
            for (var i = 1; i <= group.Length; i++)
            {
                if (i < group.Length && log.Items[group[i]] == log.Items[group[start]])
                {
                    continue;
                }

                repeated += i - start - 1;
                if (keep is not null)
                {
                    keep[Chosen(log, group[start..i], policy)] = true;
                }

                start = i;
            }
        }

        report.DuplicatesFound(repeated, keep is null ? 0 : repeated);
        if (keep is null || repeated == 0)
        {
            return log;
        }

        var kept = new int[log.Count - repeated];
        var next = 0;
        for (var row = 0; row < keep.Length; row++)
        {
            if (keep[row]) { kept[next++] = row; }
        }

        return log.Select(kept);
    }

    /// <summary>Row of the pair to keep, from its rows in chronological order.</summary>
    private static int Chosen(InteractionLog log, ReadOnlySpan<int> pairRows, DuplicatePolicy policy)
    {
        switch (policy)
        {
            case DuplicatePolicy.Last:
                return pairRows[^1];
            case DuplicatePolicy.Max when log.Ratings is { } ratings:
                var best = pairRows[0];
                foreach (var row in pairRows[1..])
                {
                    if (ratings[row] > ratings[best]) { best = row; }
                }

                return best;
            default:
                return pairRows[0];
        }
    }

    /// <summary>Row indices grouped by user with a counting sort (file order within each user).</summary>
    private static (int[] Offsets, int[] Rows) GroupByUser(InteractionLog log, int userCount)
    {
        var offsets = new int[userCount + 1];
        foreach (var u in log.Users) { offsets[u + 1]++; }
        for (var u = 0; u < userCount; u++) { offsets[u + 1] += offsets[u]; }
        var cursor = offsets.AsSpan(0, userCount).ToArray();
        var rows = new int[log.Count];
        for (var row = 0; row < log.Count; row++) { rows[cursor[log.Users[row]]++] = row; }
        return (offsets, rows);
    }

    /// <summary>Orders rows by item, then timestamp, then file position; a struct so the sort is specialised for it.</summary>
    private readonly struct PairOrder(int[] items, long[]? timestamps) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            var byItem = items[a].CompareTo(items[b]);
            if (byItem != 0) { return byItem; }
            var byTime = timestamps is null ? 0 : timestamps[a].CompareTo(timestamps[b]);
            return byTime != 0 ? byTime : a.CompareTo(b);
        }
    }
}
