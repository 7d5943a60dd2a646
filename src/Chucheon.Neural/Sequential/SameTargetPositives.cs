namespace Chucheon.Neural.Sequential;

/// <summary>Supervised positives for the contrastive term: for a history whose next item is t, another training
/// history that was also followed by t — any prefix of any training sequence that stops right before an occurrence of
/// t. Two users who went on to the same item are pulled together, not only two augmentations of one user.</summary>
/// <remarks>The semantic positive of DuoRec (Qiu et al., "Contrastive Learning for Representation Degeneration Problem
/// in Sequential Recommendation", WSDM 2022). Where no other history precedes t, the positive is the history itself,
/// so the pair differs only by the encoder's dropout (DuoRec's unsupervised, model-level augmentation). A positive is
/// never longer than its anchor (see <see cref="Draw"/>). Only training sequences are indexed, so no validation or test
/// item is ever a key.</remarks>
public sealed class SameTargetPositives
{
    private readonly int[][] _sequences;
    private readonly int[] _start;
    private readonly int[] _owner;
    private readonly int[] _length;

    private SameTargetPositives(int[][] sequences, int[] start, int[] owner, int[] length) =>
        (_sequences, _start, _owner, _length) = (sequences, start, owner, length);

    /// <summary>Histories indexed over every position k ≥ 1 of every sequence (the prefix before k, followed by the
    /// item at k).</summary>
    public static SameTargetPositives FromSequences(int[][] sequences, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var start = new int[itemCount + 1];
        foreach (var s in sequences)
        {
            for (var k = 1; k < s.Length; k++) { start[CheckedItem(s[k], itemCount) + 1]++; }
        }

        for (var i = 0; i < itemCount; i++) { start[i + 1] += start[i]; }
        var owner = new int[start[itemCount]];
        var length = new int[start[itemCount]];
        var next = start[..itemCount];
        for (var u = 0; u < sequences.Length; u++)
        {
            var s = sequences[u];
            for (var k = 1; k < s.Length; k++)
            {
                var slot = next[s[k]]++;
                (owner[slot], length[slot]) = (u, k);
            }
        }

        return new SameTargetPositives(sequences, start, owner, length);
    }

    /// <summary>How many indexed histories were followed by <paramref name="target"/>.</summary>
    public int CountFor(int target) => (uint)target < (uint)(_start.Length - 1) ? _start[target + 1] - _start[target] : 0;

    /// <summary>A history followed by <paramref name="target"/> that differs from <paramref name="history"/>, drawn at
    /// random (the first such one from a uniform starting point) and cut to its newest
    /// <c>history.Length</c> items; a copy of <paramref name="history"/> when there is none.</summary>
    /// <remarks>The cut keeps a batch of short histories short: an uncut positive would widen every view of the batch
    /// to the longest drawn history, and the encoder's cost grows with the width (3.5× CoSeRec's epoch time on Beauty
    /// before the cut).</remarks>
    public int[] Draw(int target, int[] history, Random random)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(random);
        var count = CountFor(target);
        if (count == 0) { return (int[])history.Clone(); }
        var first = random.Next(count);
        // Walk on from a uniform start so the row's own history (indexed too) is skipped without rejection loops.
        for (var step = 0; step < count; step++)
        {
            var slot = _start[target] + ((first + step) % count);
            var length = _length[slot];
            var candidate = _sequences[_owner[slot]].AsSpan(Math.Max(0, length - history.Length), Math.Min(length, history.Length));
            if (!candidate.SequenceEqual(history)) { return candidate.ToArray(); }
        }

        return (int[])history.Clone();
    }

    private static int CheckedItem(int item, int itemCount) =>
        (uint)item < (uint)itemCount ? item
        : throw new ArgumentOutOfRangeException(nameof(item), item, $"Item id {item} is outside the catalogue of {itemCount} items.");
}
