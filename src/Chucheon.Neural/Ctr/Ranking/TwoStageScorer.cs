using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;

namespace Chucheon.Neural.Ctr.Ranking;

/// <summary>Two-stage ranking as an <see cref="IItemScorer"/>: a retriever scores the catalog, its top
/// <c>candidates</c> items that are not already in the user's history are re-scored by a CTR model with user and item
/// features, and every other item gets <see cref="NonCandidateScore"/>. Full-catalog top-K evaluation
/// (<see cref="RankingEvaluator"/>) therefore sees exactly the retrieved set, reordered by the ranker. The row builder
/// receives the candidates best first with their retriever scores, so rankers can use the score and rank as fields.</summary>
public sealed class TwoStageScorer(IItemScorer retriever, CtrModel ranker, Func<int, int[], float[], CtrDataset> candidateRows, int candidates) : IItemScorer
{
    /// <summary>Below any CTR logit, so non-candidates rank after every candidate.</summary>
    public const float NonCandidateScore = -1e30f;

    /// <summary>A ranker that sees only (user, item) fields, not the retriever's scores.</summary>
    public TwoStageScorer(IItemScorer retriever, CtrModel ranker, Func<int, int[], CtrDataset> pairRows, int candidates)
        : this(retriever, ranker, (user, items, _) => pairRows(user, items), candidates)
    {
    }

    public int ItemCount => retriever.ItemCount;

    public int Candidates { get; } = candidates > 0 ? candidates : throw new ArgumentOutOfRangeException(nameof(candidates));

    public static TwoStageScorer ForMovieLens(IItemScorer retriever, CtrModel ranker, MovieLensPairEncoder pairs, int candidates) =>
        new(retriever, ranker, (user, items) => pairs.Encode(user, items), candidates);

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        retriever.Score(users, history, scores);
        var items = ItemCount;
        var top = new RetrievedCandidates(items);
        for (var u = 0; u < users.Length; u++)
        {
            var row = scores.Slice(u * items, items);
            var chosen = top.Top(row, users[u] < history.Rows ? history.RowIndices(users[u]) : [], Candidates);
            var retrieved = new float[chosen.Length];
            for (var c = 0; c < chosen.Length; c++) { retrieved[c] = row[chosen[c]]; }
            var logits = ranker.PredictLogits(candidateRows(users[u], chosen, retrieved));
            row.Fill(NonCandidateScore);
            for (var c = 0; c < chosen.Length; c++) { row[chosen[c]] = logits[c]; }
        }
    }
}
