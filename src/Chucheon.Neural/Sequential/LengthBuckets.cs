namespace Chucheon.Neural.Sequential;

/// <summary>Shuffled mini-batches of users, optionally grouped by sequence length.</summary>
/// <remarks>Why: a batch is padded to its longest member, and on long-tailed data (Amazon Beauty: median 6 items,
/// maximum 204) random batches almost always contain one user at max_length. Sorting windows of 50 shuffled batches by
/// length and then shuffling the batch order keeps batches random in content and order while cutting the padded
/// positions (and the time) several-fold.</remarks>
internal static class LengthBuckets
{
    private const int BatchesPerWindow = 50;

    public static IEnumerable<int[]> Batches(int[] users, int[][] sequences, int batchSize, bool bucket, Random random)
    {
        var order = (int[])users.Clone();
        random.Shuffle(order);
        var batches = new List<int[]>();
        var window = batchSize * BatchesPerWindow;
        for (var start = 0; start < order.Length; start += window)
        {
            var chunk = order[start..Math.Min(order.Length, start + window)];
            if (bucket)
            {
                // Stable sort: ties keep their shuffled order.
                chunk = [.. chunk.OrderBy(u => sequences[u].Length)];
            }

            for (var b = 0; b < chunk.Length; b += batchSize)
            {
                batches.Add(chunk[b..Math.Min(chunk.Length, b + batchSize)]);
            }
        }

        if (bucket)
        {
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batches));
        }

        return batches;
    }
}
