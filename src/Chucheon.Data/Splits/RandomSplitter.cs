namespace Chucheon.Data.Splits;

/// <summary>Per user, a random <c>test_ratio</c> of their rows is test and <c>validation_ratio</c> validation.</summary>
/// <remarks>Counts are rounded half away from zero per user (10% of 5 rows is 1, of 4 rows 0), so small users may hold
/// nothing out. At least one row always stays in train: when rounding would take everything, validation shrinks first,
/// then test. Users with fewer than <c>min_history</c> rows stay in train.</remarks>
internal static class RandomSplitter
{
    public static SplitPart[] Assign(InteractionDataset dataset, SplitSpec spec, int seed)
    {
        var parts = new SplitPart[dataset.Log.Count];
        var minHistory = spec.ResolvedMinHistory;
        var byUser = GroupRowsBySourceOrder(dataset.Log, dataset.UserCount);
        for (var u = 0; u < dataset.UserCount; u++)
        {
            var rows = byUser[u];
            var n = rows.Length;
            if (n < minHistory || n < 2) { continue; }

            var nTest = SplitAssembly.RoundCount(n * spec.ResolvedTestRatio);
            var nValid = SplitAssembly.RoundCount(n * spec.ResolvedValidationRatio);
            var excess = nTest + nValid - (n - 1);
            if (excess > 0)
            {
                var fromValid = Math.Min(excess, nValid);
                nValid -= fromValid;
                nTest -= excess - fromValid;
            }

            var random = SplitMix64.ForKey(seed, dataset.Users.GetRaw(u));
            random.PartialShuffle(rows.AsSpan(), nTest + nValid);
            for (var k = 0; k < nTest; k++) { parts[rows[k]] = SplitPart.Test; }
            for (var k = nTest; k < nTest + nValid; k++) { parts[rows[k]] = SplitPart.Validation; }
        }

        return parts;
    }

    /// <summary>Each user's rows in file order; the shuffle then depends only on the user's own rows, not on timestamps.</summary>
    internal static int[][] GroupRowsBySourceOrder(InteractionLog log, int userCount)
    {
        var sizes = new int[userCount];
        foreach (var u in log.Users) { sizes[u]++; }
        var groups = new int[userCount][];
        for (var u = 0; u < userCount; u++) { groups[u] = new int[sizes[u]]; }
        Array.Clear(sizes);
        for (var r = 0; r < log.Count; r++) { groups[log.Users[r]][sizes[log.Users[r]]++] = r; }
        return groups;
    }
}
