using Chucheon.Evaluation.Continual;

namespace Chucheon.Evaluation.Tests.Continual;

public sealed class ContinualTaskMetricsTests
{
    // Full ranking of these scores (ties to the lower id): 3 (0.9), 1 (0.7), 4 (0.7), 0 (0.5), 2 (0.1), 5 (0.0).
    private static readonly float[] Scores = [0.5f, 0.7f, 0.1f, 0.9f, 0.7f, 0f];

    [Theory]
    [InlineData(3, 1)]
    [InlineData(1, 2)]
    [InlineData(4, 3)]
    [InlineData(0, 4)]
    [InlineData(5, 6)]
    public void RankIsTheFullRankingPositionWithTiesToTheLowerId(int label, int rank)
    {
        Assert.Equal(rank, ContinualTaskMetrics.BestRank(Scores, [label]));
    }

    [Fact]
    public void HitRateAndReciprocalRankOnOneTarget()
    {
        Assert.Equal(1, ContinualTaskMetrics.HitRate(Scores, [0], 5));
        Assert.Equal(0.25, ContinualTaskMetrics.ReciprocalRank(Scores, [0], 5));
        Assert.Equal(0, ContinualTaskMetrics.HitRate(Scores, [5], 5));
        Assert.Equal(0, ContinualTaskMetrics.ReciprocalRank(Scores, [5], 5));
        Assert.Equal(1, ContinualTaskMetrics.HitRate(Scores, [5], 20));
        Assert.Equal(1.0 / 6, ContinualTaskMetrics.ReciprocalRank(Scores, [5], 20), 12);
    }

    [Fact]
    public void ASetOfTargetsCountsItsBestRankedMember()
    {
        Assert.Equal(0.5, ContinualTaskMetrics.ReciprocalRank(Scores, [2, 1, 5], 5));
        Assert.Equal(1, ContinualTaskMetrics.HitRate(Scores, [5, 4], 5));
    }

    [Fact]
    public void AccuracyIsArgmaxWithTiesToTheLowerClass()
    {
        Assert.Equal(1, ContinualTaskMetrics.Accuracy([0.2f, 0.8f], 1));
        Assert.Equal(0, ContinualTaskMetrics.Accuracy([0.2f, 0.8f], 0));
        Assert.Equal(1, ContinualTaskMetrics.Accuracy([0.5f, 0.5f, 0.1f], 0));
        Assert.Equal(0, ContinualTaskMetrics.Accuracy([0.5f, 0.5f, 0.1f], 1));
    }

    [Fact]
    public void BadInputIsAnError()
    {
        Assert.Throws<ArgumentException>(() => ContinualTaskMetrics.BestRank([0.1f, float.NaN], [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContinualTaskMetrics.BestRank([0.1f], [3]));
        Assert.Throws<ArgumentException>(() => ContinualTaskMetrics.BestRank([0.1f], []));
    }
}
