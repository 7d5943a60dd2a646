namespace Chucheon.Evaluation;

/// <summary>Draws a user's negatives for sampled evaluation: distinct items chosen uniformly among those that are
/// neither excluded nor relevant.</summary>
internal static class NegativeSampler
{
    /// <summary>Writes min(<paramref name="count"/>, allowed) distinct items from [0, <paramref name="itemCount"/>)
    /// minus <paramref name="forbiddenSorted"/> into <paramref name="destination"/>, in ascending order, and returns
    /// how many. Depends only on its arguments, so a per-user generator makes results independent of threading.</summary>
    /// <remarks>Floyd's algorithm picks distinct ranks among the allowed items without rejection (which would crawl for
    /// a user who has seen most of the catalog); the ranks are then mapped to item ids by one merge with the sorted
    /// forbidden list, so no catalog-sized buffer is needed.</remarks>
    public static int Sample(ref SplitMix64 random, int itemCount, ReadOnlySpan<int> forbiddenSorted, int count, Span<int> destination)
    {
        var allowed = itemCount - forbiddenSorted.Length;
        var take = Math.Min(count, allowed);
        if (take <= 0) { return 0; }

        var chosen = new HashSet<int>(take);
        for (var j = allowed - take; j < allowed; j++)
        {
            var t = random.NextInt(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        var ranks = destination[..take];
        var w = 0;
        foreach (var r in chosen) { ranks[w++] = r; }
        ranks.Sort();

        // The allowed item of rank r is r plus the number of forbidden items at or below it.
        var skipped = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            var item = ranks[i] + skipped;
            while (skipped < forbiddenSorted.Length && forbiddenSorted[skipped] <= item)
            {
                skipped++;
                item = ranks[i] + skipped;
            }

            ranks[i] = item;
        }

        return take;
    }
}
