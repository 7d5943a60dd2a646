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

        // Each user's rows in time order (source order without timestamps), so "first" and "last" mean time.
        var rowsByUser = log.RowsByUserInTimeOrder(userCount);
        var keep = policy == DuplicatePolicy.Keep ? null : new bool[log.Count];
        long repeated = 0;
        var keys = Array.Empty<long>();
        var order = Array.Empty<int>();
        foreach (var rows in rowsByUser)
        {
            if (rows.Length == 0)
            {
                continue;
            }

            if (keys.Length < rows.Length)
            {
                keys = new long[Math.Max(rows.Length, keys.Length * 2)];
                order = new int[keys.Length];
            }

            // Sorting by (item, position in time) makes each pair's rows contiguous and chronological.
            var pairKeys = keys.AsSpan(0, rows.Length);
            var positions = order.AsSpan(0, rows.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                pairKeys[i] = ((long)log.Items[rows[i]] << 32) | (uint)i;
                positions[i] = i;
            }

            pairKeys.Sort(positions);
            var groupStart = 0;
            for (var i = 1; i <= rows.Length; i++)
            {
                if (i < rows.Length && pairKeys[i] >> 32 == pairKeys[groupStart] >> 32)
                {
                    continue;
                }

                repeated += i - groupStart - 1;
                if (keep is not null)
                {
                    keep[rows[positions[Chosen(log, rows, positions, groupStart, i, policy)]]] = true;
                }

                groupStart = i;
            }
        }

        if (keep is null)
        {
            report.DuplicatesFound(repeated, 0);
            return log;
        }

        report.DuplicatesFound(repeated, repeated);
        if (repeated == 0)
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

    /// <summary>Index into <paramref name="positions"/> of the row to keep among the group [start, end).</summary>
    private static int Chosen(InteractionLog log, int[] rows, ReadOnlySpan<int> positions, int start, int end, DuplicatePolicy policy)
    {
        switch (policy)
        {
            case DuplicatePolicy.Last:
                return end - 1;
            case DuplicatePolicy.Max when log.Ratings is { } ratings:
                var best = start;
                for (var i = start + 1; i < end; i++)
                {
                    if (ratings[rows[positions[i]]] > ratings[rows[positions[best]]]) { best = i; }
                }

                return best;
            default:
                return start;
        }
    }
}
