using static TorchSharp.torch;

namespace Chucheon.Neural.Sequential;

/// <summary>The self-supervised term: two augmented views of every sequence in the batch are encoded (in one forward
/// pass), represented by their <see cref="SequenceRepresentation"/> (newest position by default), and pulled together with <see cref="InfoNce"/>.</summary>
/// <remarks>Plain mode (CL4SRec, CoSeRec): each view applies one augmentation drawn uniformly from the list.
/// Hierarchical mode: level k applies the first k augmentations cumulatively (crop; crop then mask; crop, mask, then
/// reorder; ...), each level has its own pair of views and InfoNCE term, and the terms are averaged, so the weight
/// means the same in both modes; <c>split_levels</c> deals the batch's rows over the levels instead of encoding every row
/// at every level (the cost of one augmented view per row). With <c>original_view</c> the first view of each pair is the supervised pass's own
/// (dropout-perturbed, un-augmented) representation, which halves the extra encoder work.</remarks>
internal sealed class ContrastiveObjective(SequenceEncoder encoder, SequentialOptions options, ItemCorrelation? correlation,
    SameTargetPositives? positives, Device device)
{
    private readonly SequenceAugmenter _augmenter = new(options, correlation, positives);

    /// <param name="rows">The sequences the views are drawn from.</param>
    /// <param name="random">Drives every augmentation.</param>
    /// <param name="original">With <c>original_view</c>: the un-augmented representations from the supervised
    /// pass, used as the first view of every pair, so only one augmented view per row (and level) is encoded.</param>
    /// <param name="targets">The item that followed each row (for <see cref="Augmentation.SameTarget"/>), or null.</param>
    public Tensor Loss(int[][] rows, Random random, Tensor? original = null, int[]? targets = null)
    {
        using var scope = NewDisposeScope();
        var augmentations = options.Augmentations;
        var levels = LevelRows(rows.Length);
        var perLevel = original is null ? 2 : 1;
        var views = new List<int[]>(perLevel * levels.Sum(l => l.Length));
        for (var level = 0; level < levels.Length; level++)
        {
            for (var view = 0; view < perLevel; view++)
            {
                foreach (var r in levels[level])
                {
                    var target = targets?[r] ?? -1;
                    views.Add(options.Hierarchical ? Stack(rows[r], augmentations.AsSpan(0, level + 1), random, target)
                        : _augmenter.Apply(augmentations[random.Next(augmentations.Length)], rows[r], random, target));
                }
            }
        }

        // Augmentations can shorten a view (crop) or lengthen it (insert); an empty crop of a one-item history is
        // impossible (crop keeps at least one item).
        var width = encoder.WidthFor(views, options.MaxLength);
        using var tokens = tensor(TokenWindows.RightAligned(views, width, encoder.ItemCount, options.MaskAsPadding), [views.Count, width], device: device);
        var representation = SequenceRepresentation.Of(encoder.forward(tokens), tokens, options.ContrastiveRepresentation, options.MaxLength);
        Tensor? total = null;
        var terms = 0;
        long offset = 0;
        foreach (var members in levels)
        {
            long n = members.Length;
            if (n == 0) { continue; }
            var first = original is null ? representation.narrow(0, offset, n)
                : n == rows.Length ? original : original.index_select(0, tensor(members.Select(r => (long)r).ToArray(), device: device));
            var second = representation.narrow(0, offset + ((perLevel - 1) * n), n);
            offset += perLevel * n;
            var term = InfoNce.Loss(first, second, options.Temperature, options.ContrastiveSimilarity);
            total = total is null ? term : total + term;
            terms++;
        }

        return (total! / terms).MoveToOuterDisposeScope();
    }

    /// <summary>Which rows of the batch each level encodes: every row at every level, or (<c>split_levels</c>) the rows
    /// dealt round-robin over the levels, so the batch costs one augmented view per row whatever the depth.</summary>
    private int[][] LevelRows(int rowCount)
    {
        var levels = options.Hierarchical ? options.Augmentations.Length : 1;
        var all = Enumerable.Range(0, rowCount).ToArray();
        if (!options.SplitLevels || levels == 1) { return [.. Enumerable.Repeat(all, levels)]; }
        return [.. Enumerable.Range(0, levels).Select(level => all.Where(r => r % levels == level).ToArray())];
    }

    private int[] Stack(int[] row, ReadOnlySpan<Augmentation> augmentations, Random random, int target)
    {
        var view = row;
        foreach (var augmentation in augmentations) { view = _augmenter.Apply(augmentation, view, random, target); }
        return view;
    }
}
