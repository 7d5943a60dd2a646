using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;

namespace Chucheon.Neural.Ctr.Ranking;

/// <summary>Two-stage ranking as an <see cref="IItemScorer"/>: a retriever scores the catalog, its top
/// <c>candidates</c> items that are not already in the user's history are re-scored by a CTR model with user and item
/// features, and every other item gets <see cref="NonCandidateScore"/>. Full-catalog top-K evaluation
/// (<see cref="RankingEvaluator"/>) therefore sees exactly the retrieved set, reordered by the ranker. The row builder
/// receives the candidates best first with their retriever scores, so rankers can use the score and rank as fields.
/// With a <see cref="RetrieverWeight"/> w, a candidate's score is the ranker logit + w · its retriever score
/// standardised over the user's candidates (a blend; standardising makes one w fit users whose raw retriever scores
/// differ in scale).</summary>
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

    /// <summary>Weight of the standardised retriever score added to the ranker logit; 0 = ranker alone.</summary>
    public float RetrieverWeight { get; init; }

    /// <summary>The same two stages with another blend weight.</summary>
    public TwoStageScorer WithRetrieverWeight(float weight) =>
        float.IsFinite(weight) ? new(retriever, ranker, candidateRows, Candidates) { RetrieverWeight = weight } : throw new ArgumentOutOfRangeException(nameof(weight));

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
            if (RetrieverWeight != 0) { AddStandardised(logits, retrieved, RetrieverWeight); }
            row.Fill(NonCandidateScore);
            for (var c = 0; c < chosen.Length; c++) { row[chosen[c]] = logits[c]; }
        }
    }

    private static void AddStandardised(float[] logits, float[] retrieved, float weight)
    {
        if (retrieved.Length == 0) { return; }
        double mean = 0;
        foreach (var value in retrieved) { mean += value; }
        mean /= retrieved.Length;
        double variance = 0;
        foreach (var value in retrieved) { variance += (value - mean) * (value - mean); }
        var std = Math.Sqrt(variance / retrieved.Length);
        // All candidates tied: the retriever expresses no preference, so nothing is added.
        if (std <= 0) { return; }
        for (var c = 0; c < logits.Length; c++) { logits[c] += (float)(weight * (retrieved[c] - mean) / std); }
    }
}
