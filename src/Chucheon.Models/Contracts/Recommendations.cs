using Chucheon.Data;
using Chucheon.Evaluation;

namespace Chucheon.Models;

/// <summary>Top-K recommendation built once on top of <see cref="IItemScorer.Score"/>: users are scored in batches
/// and each row is reduced to K items by a heap, so memory is batch × items, never users × items.</summary>
public static class Recommendations
{
    /// <summary>Rows scored per batch; 256 rows of 50k items is 51 MB of scores.</summary>
    public const int DefaultBatchSize = 256;

    /// <summary>Top-K items for each user.</summary>
    /// <param name="excludeSeen">Removes the items in each user's <paramref name="history"/> row.</param>
    /// <param name="allowedItems">When given, only these items are candidates (a filter list or retrieval output).</param>
    public static ScoredItem[][] Recommend(IItemScorer scorer, ReadOnlySpan<int> users, CsrMatrix history, int k,
        bool excludeSeen = true, IReadOnlySet<int>? allowedItems = null, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var items = scorer.ItemCount;
        var result = new ScoredItem[users.Length][];
        batchSize = Math.Max(1, Math.Min(batchSize, Math.Max(1, (64 << 20) / Math.Max(1, items * 4))));
        var scores = new float[batchSize * items];
        var mask = allowedItems is null ? null : BuildMask(allowedItems, items);
        var userArray = users.ToArray();
        for (var start = 0; start < userArray.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, userArray.Length - start);
            scorer.Score(userArray.AsSpan(start, count), history, scores.AsSpan(0, count * items));
            Parallel.For(0, count, row =>
            {
                var rowScores = scores.AsSpan(row * items, items);
                var user = userArray[start + row];
                if (excludeSeen && user < history.Rows)
                {
                    foreach (var seen in history.RowIndices(user))
                    {
                        if (seen < items) { rowScores[seen] = float.NegativeInfinity; }
                    }
                }

                if (mask is not null)
                {
                    for (var i = 0; i < items; i++)
                    {
                        if (!mask[i]) { rowScores[i] = float.NegativeInfinity; }
                    }
                }

                var idx = new int[k];
                var val = new float[k];
                var n = TopK.Select(rowScores, k, idx, val);
                var list = new ScoredItem[n];
                for (var i = 0; i < n; i++) { list[i] = new ScoredItem(idx[i], val[i]); }
                result[start + row] = list;
            });
        }

        return result;
    }

    private static bool[] BuildMask(IReadOnlySet<int> allowed, int items)
    {
        var mask = new bool[items];
        foreach (var i in allowed)
        {
            if ((uint)i < (uint)items) { mask[i] = true; }
        }

        return mask;
    }
}
