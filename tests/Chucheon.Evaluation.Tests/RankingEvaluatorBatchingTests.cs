namespace Chucheon.Evaluation.Tests;

/// <summary>Batching is an implementation detail: it must bound memory and never change a number.</summary>
public sealed class RankingEvaluatorBatchingTests
{
    private const int Users = 60;
    private const int Items = 50;
    private static readonly Chucheon.Data.DataSplit Split = TestSplits.Random(Users, Items, seed: 3);

    private static EvaluationSpec Spec(EvaluationMode mode, int batchSize) => new()
    {
        Metrics = MetricCatalog.All.Where(m => m.Kind != MetricKind.Classification).Select(m => m.Name).ToArray(),
        K = [1, 5, 10],
        Mode = mode,
        NegativeSamples = 7,
        Segments = true,
        BatchSize = batchSize,
        KeepTopLists = true,
    };

    [Theory]
    [InlineData(EvaluationMode.Full)]
    [InlineData(EvaluationMode.Sampled)]
    public void Batch_size_one_and_one_thousand_give_identical_results(EvaluationMode mode)
    {
        var one = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(mode, 1), EvaluationTarget.Test, seed: 5);
        var many = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(mode, 1000), EvaluationTarget.Test, seed: 5);

        Assert.True(one.UsersEvaluated > 10);
        Assert.Equal(one.Metrics, many.Metrics); // exact: sums run in user order whatever the batching
        Assert.Equal(one.Segments.Keys, many.Segments.Keys);
        foreach (var (name, segment) in one.Segments)
        {
            Assert.Equal(segment.Users, many.Segments[name].Users);
            Assert.Equal(segment.Metrics, many.Segments[name].Metrics);
        }

        Assert.Equal(one.TopLists!.Select(l => l.Items), many.TopLists!.Select(l => l.Items));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(32)]
    public void The_scorer_is_never_asked_for_more_than_batch_size_users(int batchSize)
    {
        var scorer = RecordingScorer.Hashed(Items);
        var report = RankingEvaluator.Evaluate(scorer, Split, Spec(EvaluationMode.Full, batchSize), EvaluationTarget.Test, seed: 5);

        Assert.True(scorer.LargestBatch <= batchSize);
        Assert.True(scorer.LargestBuffer <= batchSize * Items);
        Assert.Equal(report.UsersEvaluated, scorer.UsersScored.Count);
        Assert.Equal(scorer.UsersScored.Distinct().Count(), scorer.UsersScored.Count);
    }

    [Fact]
    public void Report_means_equal_the_per_user_functions_applied_to_the_kept_lists()
    {
        var spec = Spec(EvaluationMode.Full, 16);
        var report = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, spec, EvaluationTarget.Validation, seed: 5);
        var history = Split.EvaluationHistory;
        var validation = Split.Validation.ToUserItemMatrix(Users, Items);

        foreach (var definition in spec.ResolvedMetrics().Where(m => m.Kind == MetricKind.Ranking))
        {
            foreach (var k in spec.Cutoffs())
            {
                var mean = report.TopLists!.Average(list =>
                {
                    var relevant = validation.RowIndices(list.User).ToArray().Where(i => !history.Contains(list.User, i)).ToHashSet();
                    return RankingMetrics.Compute(definition.PerUser!.Value, list.Items, relevant, k);
                });
                Assert.Equal(mean, report[MetricCatalog.Key(definition.Name, k)], 12);
            }
        }
    }

    [Fact]
    public void Every_reported_value_lies_in_the_unit_interval_except_popularity()
    {
        var report = RankingEvaluator.Evaluate(RecordingScorer.Hashed(Items), Split, Spec(EvaluationMode.Full, 16), EvaluationTarget.Test, seed: 5);
        foreach (var (key, value) in report.Metrics.Where(m => !m.Key.StartsWith(MetricCatalog.AveragePopularity, StringComparison.Ordinal)))
        {
            Assert.InRange(value, 0, 1);
            Assert.False(double.IsNaN(value), key);
        }
    }
}
