namespace Chucheon.Evaluation.Tests;

public sealed class SampledEvaluationTests
{
    private const int Items = 40;
    private static readonly Chucheon.Data.DataSplit Split = TestSplits.Random(30, Items, seed: 9);

    private static EvaluationSpec Spec(int negatives) => new()
    {
        Metrics = ["Recall", "NDCG", "MRR", "Coverage"],
        K = [1, 5],
        Mode = EvaluationMode.Sampled,
        NegativeSamples = negatives,
        KeepTopLists = true,
    };

    [Fact]
    public void Negatives_are_never_excluded_items_and_lists_hold_only_candidates()
    {
        var report = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(4), EvaluationTarget.Test, seed: 2);
        var history = Split.EvaluationHistory;
        var validation = Split.Validation.ToUserItemMatrix(Split.UserCount, Items);
        var test = Split.Test.ToUserItemMatrix(Split.UserCount, Items);

        foreach (var list in report.TopLists!)
        {
            Assert.All(list.Items, item => Assert.False(history.Contains(list.User, item) || validation.Contains(list.User, item)));
            var relevant = test.RowIndices(list.User).ToArray().Count(i => !history.Contains(list.User, i) && !validation.Contains(list.User, i));
            Assert.True(list.Items.Length <= Math.Min(5, relevant + 4));
        }
    }

    [Fact]
    public void Results_are_labelled_and_beyond_accuracy_metrics_are_left_out()
    {
        var report = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(4), EvaluationTarget.Test, seed: 2);
        Assert.Equal("sampled-4", report.Protocol);
        Assert.DoesNotContain("Coverage@5", report.Metrics.Keys);
        Assert.Contains(report.Notes, n => n.Contains("Krichene & Rendle", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_gives_the_same_results_and_another_seed_other_negatives()
    {
        var a = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(3), EvaluationTarget.Test, seed: 2);
        var b = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(3), EvaluationTarget.Test, seed: 2);
        var c = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(3), EvaluationTarget.Test, seed: 3);
        Assert.Equal(a.Metrics, b.Metrics);
        Assert.NotEqual(a.TopLists!.SelectMany(l => l.Items), c.TopLists!.SelectMany(l => l.Items));
    }

    [Fact]
    public void Sampling_every_available_item_reproduces_full_ranking()
    {
        var sampled = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(Items), EvaluationTarget.Test, seed: 2);
        var fullSpec = Spec(Items);
        fullSpec.Mode = EvaluationMode.Full;
        fullSpec.Metrics = ["Recall", "NDCG", "MRR"];
        var full = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, fullSpec, EvaluationTarget.Test, seed: 2);
        Assert.Equal(full.Metrics, sampled.Metrics);
    }

    [Fact]
    public void Negatives_are_uniform_over_allowed_items()
    {
        // 20 items, 5 forbidden; drawing 3 of the 15 allowed many times should hit each about 3/15 of the time.
        int[] forbidden = [0, 3, 4, 11, 19];
        var counts = new int[20];
        var buffer = new int[3];
        const int Draws = 30_000;
        for (var s = 0; s < Draws; s++)
        {
            var random = SplitMix64.ForStream(7, s);
            var n = NegativeSampler.Sample(ref random, 20, forbidden, 3, buffer);
            Assert.Equal(3, n);
            Assert.Equal(3, buffer.Distinct().Count());
            foreach (var item in buffer) { counts[item]++; }
        }

        foreach (var item in forbidden) { Assert.Equal(0, counts[item]); }
        var expected = Draws * 3.0 / 15;
        foreach (var item in Enumerable.Range(0, 20).Except(forbidden))
        {
            Assert.InRange(counts[item], expected * 0.95, expected * 1.05);
        }
    }
}
