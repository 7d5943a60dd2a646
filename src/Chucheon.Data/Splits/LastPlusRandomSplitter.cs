namespace Chucheon.Data.Splits;

/// <summary>Per user, test is the latest interaction plus <c>held_out_random</c> (N) interactions drawn uniformly from
/// the earlier ones — the Kaggle movie-recommendation protocol, which tests both "what next" and "what else".</summary>
/// <remarks>With <c>validation: true</c> the same rule is applied again to what test left over: the latest remaining row
/// plus N random earlier ones. At least one row always stays in train, so a user with few rows gets fewer than N random
/// items (and no validation if only one row would remain). "Latest" is by timestamp, ties by file order; users with
/// fewer than <c>min_history</c> rows stay in train.</remarks>
internal static class LastPlusRandomSplitter
{
    public static SplitPart[] Assign(InteractionDataset dataset, SplitSpec spec, int seed)
    {
        var parts = new SplitPart[dataset.Log.Count];
        var minHistory = Math.Max(2, spec.ResolvedMinHistory);
        var randomCount = spec.HeldOutRandom ?? 0;
        var byUser = dataset.Log.RowsByUserInTimeOrder(dataset.UserCount);
        for (var u = 0; u < dataset.UserCount; u++)
        {
            var rows = byUser[u];
            if (rows.Length < minHistory) { continue; }

            var random = SplitMix64.ForKey(seed, dataset.Users.GetRaw(u));
            var remaining = HoldOut(rows, randomCount, SplitPart.Test, parts, ref random);
            if (spec.ResolvedValidation && remaining.Length >= 2)
            {
                HoldOut(remaining, randomCount, SplitPart.Validation, parts, ref random);
            }
        }

        return parts;
    }

    /// <summary>Assigns the last of <paramref name="timeOrdered"/> and up to N random earlier rows to <paramref name="part"/>,
    /// always leaving one; returns the rows left, still in time order.</summary>
    private static int[] HoldOut(int[] timeOrdered, int randomCount, SplitPart part, SplitPart[] parts, ref SplitMix64 random)
    {
        parts[timeOrdered[^1]] = part;
        var earlier = timeOrdered.Length - 1;
        var take = Math.Min(randomCount, earlier - 1);

        // Shuffle positions, not rows, so that what remains can be put back in time order by sorting.
        var positions = new int[earlier];
        for (var i = 0; i < earlier; i++) { positions[i] = i; }
        random.PartialShuffle(positions.AsSpan(), take);
        for (var k = 0; k < take; k++) { parts[timeOrdered[positions[k]]] = part; }

        var left = positions[take..];
        Array.Sort(left);
        return [.. left.Select(p => timeOrdered[p])];
    }
}
