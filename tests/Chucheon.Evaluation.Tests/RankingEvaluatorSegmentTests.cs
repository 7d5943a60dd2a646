namespace Chucheon.Evaluation.Tests;

/// <summary>Beyond-accuracy metrics and segments on a case small enough to work out by hand.</summary>
public sealed class RankingEvaluatorSegmentTests
{
    // Training popularity: item 5 → 3, items 0 and 4 → 1. With 6 items the head is ceil(0.2 × 6) = 2 items: 5, then 0
    // (tied with 4, the lower id wins). u0 has 1 history item (cold at threshold 1); u1 and u2 have 2 (warm).
    // Low ids score highest, so top-2 lists are u0 [0, 1], u1 [0, 1], u2 [1, 2].
    private static readonly Chucheon.Data.DataSplit Split = TestSplits.Build(3, 6,
        train: [(0, 5), (1, 5), (1, 4), (2, 0), (2, 5)],
        validation: [],
        test: [(0, 0), (0, 2), (1, 1), (2, 3)]);

    private static readonly EvaluationSpec Spec = new()
    {
        Metrics = ["Recall", "Coverage", "AveragePopularity"],
        K = [2],
        Segments = true,
        ColdUserMaxItems = 1,
    };

    private static EvaluationReport Evaluate() =>
        RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(6), Split, Spec, EvaluationTarget.Test, seed: 1);

    [Fact]
    public void Overall_accuracy_coverage_and_popularity()
    {
        var report = Evaluate();

        // Recall@2: u0 finds 0 of {0, 2} = 1/2, u1 finds {1} = 1, u2 misses {3} = 0.
        Assert.Equal((1.0 / 2 + 1 + 0) / 3, report["Recall@2"], 12);

        // Items 0, 1, 2 appear in some top 2: 3 of 6.
        Assert.Equal(3.0 / 6, report["Coverage@2"], 12);

        // Mean popularity per list: u0 (1 + 0) / 2, u1 the same, u2 (0 + 0) / 2.
        Assert.Equal((1.0 / 2 + (1.0 / 2) + 0) / 3, report["AveragePopularity@2"], 12);
    }

    [Fact]
    public void Cold_and_warm_users_average_over_their_own_users()
    {
        var segments = Evaluate().Segments;
        var cold = segments[SegmentNames.ColdUsers];
        var warm = segments[SegmentNames.WarmUsers];

        Assert.Equal(1, cold.Users);
        Assert.Equal(1.0 / 2, cold.Metrics["Recall@2"], 12);
        Assert.Equal(2.0 / 6, cold.Metrics["Coverage@2"], 12);
        Assert.Equal(2, warm.Users);
        Assert.Equal((1.0 + 0) / 2, warm.Metrics["Recall@2"], 12);
        Assert.Equal(3.0 / 6, warm.Metrics["Coverage@2"], 12);
    }

    [Fact]
    public void Item_segments_count_only_their_own_relevant_items()
    {
        var segments = Evaluate().Segments;
        var head = segments[SegmentNames.HeadItems];
        var tail = segments[SegmentNames.TailItems];

        // Head {5, 0}: only u0 has a relevant head item (0), found at rank 1.
        Assert.Equal(1, head.Users);
        Assert.Equal(2, head.Items);
        Assert.Equal(1.0, head.Metrics["Recall@2"], 12);
        Assert.Equal(1.0 / 2, head.Metrics["Coverage@2"], 12); // 0 recommended, 5 never

        // Tail {1, 2, 3, 4}: u0 wants 2 (missed), u1 wants 1 (found), u2 wants 3 (missed).
        Assert.Equal(3, tail.Users);
        Assert.Equal(4, tail.Items);
        Assert.Equal(1.0 / 3, tail.Metrics["Recall@2"], 12);
        Assert.Equal(2.0 / 4, tail.Metrics["Coverage@2"], 12); // 1 and 2
        Assert.False(tail.Metrics.ContainsKey("AveragePopularity@2"));
    }

    [Fact]
    public void Segments_are_absent_unless_requested()
    {
        var spec = new EvaluationSpec { Metrics = ["Recall"], K = [2] };
        Assert.Empty(RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(6), Split, spec, EvaluationTarget.Test, 1).Segments);
    }
}
