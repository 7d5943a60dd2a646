using System.Globalization;
using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;
using Chucheon.Models;
using Chucheon.Neural.Ctr;
using Chucheon.Neural.Ctr.Ranking;

namespace Chucheon.Neural.Tests.Ctr;

public sealed class TwoStageScorerTests
{
    /// <summary>Scores item i of user u as (u + 1) · (items − i): every user prefers low item ids.</summary>
    private sealed class FixedRetriever(int items) : IItemScorer
    {
        public int ItemCount => items;

        public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
        {
            for (var u = 0; u < users.Length; u++)
            {
                for (var i = 0; i < items; i++) { scores[(u * items) + i] = (users[u] + 1) * (items - i); }
            }
        }
    }

    [Fact]
    public void OnlyTheRetrievedCandidatesOutsideTheHistoryAreRankedAndOnlyReordered()
    {
        const int users = 3, items = 12, candidates = 4;
        var layout = new CtrLayout(["user", "item"], [users, items], [1, 1]);
        using var ranker = FitOddItemRanker(layout, users, items, seed: 1, epochs: 1, learningRate: 0.001);
        CtrDataset Pairs(int user, int[] chosen) => PairRows(layout, users, user, chosen);
        // User 1 has already seen items 0 and 2: they must not take candidate slots.
        var history = CsrMatrix.FromCoordinates(users, items, [1, 1], [0, 2], [1f, 1f]);
        var scorer = new TwoStageScorer(new FixedRetriever(items), ranker, Pairs, candidates);

        var scores = new float[users * items];
        scorer.Score([0, 1, 2], history, scores);

        int[] Ranked(int u) => [.. Enumerable.Range(0, items).Where(i => scores[(u * items) + i] > TwoStageScorer.NonCandidateScore)];
        Assert.Equal([0, 1, 2, 3], Ranked(0));
        Assert.Equal([1, 3, 4, 5], Ranked(1));
        var logits = ranker.PredictLogits(Pairs(2, [0, 1, 2, 3]));
        Assert.Equal(logits, scores.AsSpan(2 * items, 4).ToArray());
    }

    [Fact]
    public void ABlendAddsTheWeightedStandardisedRetrieverScoreAndALargeWeightKeepsTheRetrieverOrder()
    {
        const int users = 2, items = 8, candidates = 4;
        var layout = new CtrLayout(["user", "item"], [users, items], [1, 1]);
        // Trained long enough to prefer odd items, so the ranker alone reorders the retriever's 0, 1, 2, 3.
        using var ranker = FitOddItemRanker(layout, users, items, seed: 3, epochs: 20, learningRate: 0.05);
        CtrDataset Pairs(int user, int[] chosen) => PairRows(layout, users, user, chosen);
        var history = CsrMatrix.FromCoordinates(users, items, [], [], []);
        var alone = new TwoStageScorer(new FixedRetriever(items), ranker, Pairs, candidates);
        float[] ScoresOf(TwoStageScorer scorer)
        {
            var scores = new float[items];
            scorer.Score([1], history, scores);
            return scores[..candidates];
        }

        var logits = ScoresOf(alone);
        var blended = ScoresOf(alone.WithRetrieverWeight(0.5f));
        // User 1's retriever scores for items 0..3 are 2·(8 − i) = 16, 14, 12, 10: mean 13, population std √5.
        float[] standardised = [.. new[] { 16f, 14f, 12f, 10f }.Select(s => (float)((s - 13) / Math.Sqrt(5)))];
        for (var c = 0; c < candidates; c++) { Assert.Equal(logits[c] + (0.5f * standardised[c]), blended[c], 4); }
        Assert.NotEqual([0, 1, 2, 3], Order(logits));
        Assert.Equal([0, 1, 2, 3], Order(ScoresOf(alone.WithRetrieverWeight(1000f))));
    }

    /// <summary>An FM over (user, item) fitted on 200 random pairs where odd items are the clicks.</summary>
    private static CtrModel FitOddItemRanker(CtrLayout layout, int users, int items, int seed, int epochs, double learningRate)
    {
        var ranker = CtrModels.Create("fm", new Dictionary<string, object?>
        {
            ["epochs"] = epochs.ToString(CultureInfo.InvariantCulture), ["embedding_dim"] = "4",
            ["learning_rate"] = learningRate.ToString(CultureInfo.InvariantCulture), ["threads"] = "1",
        });
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 200).Select(_ => (U: random.Next(users), I: random.Next(items))).ToArray();
        ranker.Fit(new CtrDataset(layout, [.. rows.SelectMany(r => new long[] { r.U, users + r.I })], [.. Enumerable.Repeat(1f, rows.Length * 2)],
            [.. rows.Select(r => (float)(r.I % 2))], [.. rows.Select(r => r.U)]), null, new FitContext { Seed = 1, Threads = 1 });
        return ranker;
    }

    private static CtrDataset PairRows(CtrLayout layout, int users, int user, int[] chosen) =>
        new(layout, [.. chosen.SelectMany(i => new long[] { user, users + i })], [.. Enumerable.Repeat(1f, chosen.Length * 2)],
            new float[chosen.Length], [.. chosen.Select(_ => user)]);

    private static int[] Order(float[] scores) => [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i])];
}
