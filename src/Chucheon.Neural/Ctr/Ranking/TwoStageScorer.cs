using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;

namespace Chucheon.Neural.Ctr.Ranking;

/// <summary>Two-stage ranking as an <see cref="IItemScorer"/>: a retriever scores the catalog, its top
/// <c>candidates</c> items that are not already in the user's history are re-scored by a CTR model with user and item
/// features, and every other item gets <see cref="NonCandidateScore"/>. Full-catalog top-K evaluation
/// (<see cref="RankingEvaluator"/>) therefore sees exactly the retrieved set, reordered by the ranker.</summary>
public sealed class TwoStageScorer(IItemScorer retriever, CtrModel ranker, Func<int, int[], CtrDataset> pairRows, int candidates) : IItemScorer
{
    /// <summary>Below any CTR logit, so non-candidates rank after every candidate.</summary>
    public const float NonCandidateScore = -1e30f;

    public int ItemCount => retriever.ItemCount;

    public int Candidates { get; } = candidates > 0 ? candidates : throw new ArgumentOutOfRangeException(nameof(candidates));

    public static TwoStageScorer ForMovieLens(IItemScorer retriever, CtrModel ranker, MovieLensPairEncoder pairs, int candidates) =>
        new(retriever, ranker, (user, items) => pairs.Encode(user, items), candidates);

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        retriever.Score(users, history, scores);
        var items = ItemCount;
        var order = new int[items];
        var keys = new float[items];
        for (var u = 0; u < users.Length; u++)
        {
            var row = scores.Slice(u * items, items);
            var chosen = RetrievedCandidates(row, users[u] < history.Rows ? history.RowIndices(users[u]) : [], order, keys);
            var logits = ranker.PredictLogits(pairRows(users[u], chosen));
            row.Fill(NonCandidateScore);
            for (var c = 0; c < chosen.Length; c++) { row[chosen[c]] = logits[c]; }
        }
    }

    /// <summary>The retriever's best <see cref="Candidates"/> items outside the history, ties to the lower item id.</summary>
    private int[] RetrievedCandidates(ReadOnlySpan<float> row, ReadOnlySpan<int> seen, int[] order, float[] keys)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = -row[i];
        }

        Array.Sort(keys, order);
        var result = new List<int>(Candidates);
        var start = 0;
        while (start < order.Length && result.Count < Candidates)
        {
            // Stable tie order: within a run of equal scores, take item ids ascending.
            var end = start + 1;
            while (end < order.Length && keys[end] == keys[start]) { end++; }
            Array.Sort(order, start, end - start);
            for (var i = start; i < end && result.Count < Candidates; i++)
            {
                if (seen.BinarySearch(order[i]) < 0) { result.Add(order[i]); }
            }

            start = end;
        }

        return [.. result];
    }
}
