using Chucheon.Configuration;

namespace Chucheon.Data.Splits;

/// <summary>One global time line: rows at or after the test cutoff are test, rows in [validation cutoff, test cutoff)
/// validation, the rest train.</summary>
/// <remarks>
/// Cutoffs are explicit (<c>cutoff</c>, <c>valid_cutoff</c>, unix seconds) or derived from ratios as quantiles of the
/// rows' timestamps, not of the calendar range (a long sparse start would otherwise leave almost nothing to test): the
/// test cutoff is the timestamp of the row at position n − round(n · test_ratio) in time order, the validation cutoff
/// that at n − round(n · (test_ratio + validation_ratio)). All rows sharing a timestamp fall on the same side, so the
/// parts can be a little larger than the ratios, and validation is empty if both cutoffs land on the same time.
/// Users are not protected here: a user whose rows are all late is tested with no training history, which is the
/// situation a deployed model faces.
/// </remarks>
internal static class TemporalSplitter
{
    public static SplitPart[] Assign(InteractionDataset dataset, SplitSpec spec)
    {
        var times = dataset.Log.Timestamps
            ?? throw new OptionsException("split.method", $"temporal needs timestamps; dataset '{dataset.Name}' has none.");
        var (testCut, validCut) = spec.Cutoff is { } cutoff ? (cutoff, spec.ValidCutoff) : QuantileCutoffs(times, spec);

        var parts = new SplitPart[times.Length];
        for (var r = 0; r < times.Length; r++)
        {
            var t = times[r];
            parts[r] = t >= testCut ? SplitPart.Test : t >= validCut ? SplitPart.Validation : SplitPart.Train;
        }

        return parts;
    }

    /// <summary>The cutoffs the ratios imply; null where the part gets no rows (a lifted comparison with null is false).</summary>
    private static (long? Test, long? Valid) QuantileCutoffs(long[] times, SplitSpec spec)
    {
        var n = times.Length;
        var sorted = (long[])times.Clone();
        Array.Sort(sorted);
        var nTest = SplitAssembly.RoundCount(n * spec.ResolvedTestRatio);
        var nHeld = Math.Min(n, SplitAssembly.RoundCount(n * (spec.ResolvedTestRatio + spec.ResolvedValidationRatio)));
        long? testCut = nTest > 0 ? sorted[n - nTest] : null;
        long? validCut = nHeld > nTest ? sorted[n - nHeld] : null;
        return (testCut, validCut);
    }
}
