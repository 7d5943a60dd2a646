namespace Chucheon.Neural.Sequential;

/// <summary>What a batch's summed per-position next-item loss is divided by.</summary>
public enum LossNormalization
{
    /// <summary>The number of target positions in the batch: every batch has the same total weight, so with
    /// <c>bucket_by_length</c> a position in a batch of short users weighs up to ~10× more than one in a batch of long
    /// users.</summary>
    Batch,

    /// <summary>A constant computed once per fit, batch_size × the mean number of target positions per training user:
    /// every position weighs the same, as it does in expectation with random (unbucketed) batches, while the batches
    /// stay cheap and length-bucketed.</summary>
    Uniform,
}

/// <summary>The constant divisor of <see cref="LossNormalization.Uniform"/>: the expected number of target positions in
/// a random batch of <c>batch_size</c> training users.</summary>
internal static class UniformLossNormalizer
{
    /// <summary>Shifted next-item targets: a user with n training items contributes min(n − 1, max_length) positions
    /// (the input is the history without its last item, truncated to its last max_length items).</summary>
    public static double ShiftedPositionsPerBatch(IReadOnlyList<int> users, IReadOnlyList<int[]> sequences, int batchSize, int maxLength) =>
        batchSize * Mean(users, u => Math.Min(sequences[u].Length - 1, maxLength));

    /// <summary>BERT4Rec's cloze task: each of the min(n, max_length) window positions is masked with probability p,
    /// and a window where none was drawn gets its last position masked, so the expected count is
    /// p·L + (1 − p)^L.</summary>
    public static double ClozePositionsPerBatch(IReadOnlyList<int> users, IReadOnlyList<int[]> sequences, int batchSize, int maxLength, double maskProbability) =>
        batchSize * Mean(users, u =>
        {
            var window = Math.Min(sequences[u].Length, maxLength);
            return (maskProbability * window) + Math.Pow(1 - maskProbability, window);
        });

    private static double Mean(IReadOnlyList<int> users, Func<int, double> positions)
    {
        if (users.Count == 0) { throw new ArgumentException("no training users to normalise over.", nameof(users)); }
        double total = 0;
        foreach (var u in users) { total += positions(u); }
        return total / users.Count;
    }
}
