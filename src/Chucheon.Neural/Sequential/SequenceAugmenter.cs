namespace Chucheon.Neural.Sequential;

/// <summary>The sequence augmentations of CL4SRec (crop, mask, reorder) and CoSeRec (substitute, insert). Each takes
/// a sequence of dense item ids and returns a new array; the input is never changed. A masked position holds
/// <see cref="Masked"/>. All randomness comes from the <see cref="Random"/> passed in, so views are deterministic for a
/// seed.</summary>
/// <remarks>Xie et al., "Contrastive Learning for Sequential Recommendation", ICDE 2022; Liu et al., "Contrastive
/// Self-supervised Sequential Recommendation with Robust Augmentation", 2021.</remarks>
public sealed class SequenceAugmenter(SequentialOptions options, ItemCorrelation? correlation = null, SameTargetPositives? positives = null)
{
    /// <summary>The value a masked position holds (becomes the mask token).</summary>
    public const int Masked = -1;

    /// <param name="target">The item that followed <paramref name="sequence"/> (read only by
    /// <see cref="Augmentation.SameTarget"/>).</param>
    public int[] Apply(Augmentation augmentation, int[] sequence, Random random, int target = -1) => augmentation switch
    {
        Augmentation.Crop => Crop(sequence, options.CropRatio, random),
        Augmentation.Mask => Mask(sequence, options.MaskRatio, random),
        Augmentation.Reorder => Reorder(sequence, options.ReorderRatio, random),
        Augmentation.Substitute => Substitute(sequence, options.SubstituteRatio, Correlation, random),
        Augmentation.Insert => Insert(sequence, options.InsertRatio, Correlation, random),
        Augmentation.SameTarget => Positives.Draw(target >= 0 ? target
            : throw new ArgumentOutOfRangeException(nameof(target), target, "same_target needs the item that followed the sequence."), sequence, random),
        _ => throw new ArgumentOutOfRangeException(nameof(augmentation), augmentation, null),
    };

    private ItemCorrelation Correlation =>
        correlation ?? throw new InvalidOperationException("substitute and insert need an item correlation table.");

    private SameTargetPositives Positives =>
        positives ?? throw new InvalidOperationException("same_target needs the index of training histories by next item.");

    /// <summary>A contiguous window of ⌊ratio·n⌋ items (at least one) at a random offset.</summary>
    public static int[] Crop(int[] sequence, double ratio, Random random)
    {
        var n = sequence.Length;
        if (n <= 1) { return (int[])sequence.Clone(); }
        var length = Math.Max(1, (int)(ratio * n));
        var start = random.Next(n - length + 1);
        return sequence[start..(start + length)];
    }

    /// <summary>⌊ratio·n⌋ distinct positions replaced by <see cref="Masked"/>.</summary>
    public static int[] Mask(int[] sequence, double ratio, Random random)
    {
        var result = (int[])sequence.Clone();
        foreach (var p in DistinctPositions(sequence.Length, (int)(ratio * sequence.Length), random)) { result[p] = Masked; }
        return result;
    }

    /// <summary>A contiguous window of ⌊ratio·n⌋ items shuffled in place; everything outside it keeps its position.</summary>
    public static int[] Reorder(int[] sequence, double ratio, Random random)
    {
        var result = (int[])sequence.Clone();
        var n = sequence.Length;
        var length = (int)(ratio * n);
        if (length < 2) { return result; }
        var start = random.Next(n - length + 1);
        random.Shuffle(result.AsSpan(start, length));
        return result;
    }

    /// <summary>⌊ratio·n⌋ positions (at least one) replaced by their item's most correlated item, where it has one.</summary>
    public static int[] Substitute(int[] sequence, double ratio, ItemCorrelation correlation, Random random)
    {
        var result = (int[])sequence.Clone();
        foreach (var p in DistinctPositions(sequence.Length, Math.Max(1, (int)(ratio * sequence.Length)), random))
        {
            if (result[p] >= 0 && correlation.MostCorrelated(result[p]) is var other && other >= 0) { result[p] = other; }
        }

        return result;
    }

    /// <summary>Before ⌊ratio·n⌋ positions (at least one), the item's most correlated item is inserted; the original
    /// sequence stays a subsequence of the result.</summary>
    public static int[] Insert(int[] sequence, double ratio, ItemCorrelation correlation, Random random)
    {
        var chosen = new HashSet<int>(DistinctPositions(sequence.Length, Math.Max(1, (int)(ratio * sequence.Length)), random));
        var result = new List<int>(sequence.Length + chosen.Count);
        for (var i = 0; i < sequence.Length; i++)
        {
            if (chosen.Contains(i) && sequence[i] >= 0 && correlation.MostCorrelated(sequence[i]) is var other && other >= 0)
            {
                result.Add(other);
            }

            result.Add(sequence[i]);
        }

        return [.. result];
    }

    private static int[] DistinctPositions(int n, int count, Random random)
    {
        count = Math.Min(count, n);
        if (count <= 0) { return []; }
        var positions = new int[n];
        for (var i = 0; i < n; i++) { positions[i] = i; }
        // Partial Fisher–Yates: the first `count` entries are a uniform sample without replacement.
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, n);
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }

        return positions[..count];
    }
}
