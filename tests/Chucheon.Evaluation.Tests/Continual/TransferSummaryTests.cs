using Chucheon.Evaluation.Continual;

namespace Chucheon.Evaluation.Tests.Continual;

public sealed class TransferSummaryTests
{
    /// <summary>A hand-worked three-task stream:
    /// <code>
    ///            on T1  on T2  on T3
    /// after T1   0.40
    /// after T2   0.30   0.50
    /// after T3   0.20   0.55   0.60
    /// single     0.50   0.40   0.60
    /// </code>
    /// FWT = (0.40−0.50)/0.50 = −20 %, (0.50−0.40)/0.40 = +25 %, (0.60−0.60)/0.60 = 0 %; mean +1.6667 %.
    /// BWT = (0.20−0.40)/0.40 = −50 %, (0.55−0.50)/0.50 = +10 %, 0 %; mean over T1..T2 = −20 %.
    /// Average performance = (0.20 + 0.55 + 0.60) / 3 = 0.45.</summary>
    internal static ContinualRun WorkedExample(string method = "TERACON", string scenario = "original")
    {
        var matrix = new PerformanceMatrix(["next_item", "rated_4", "age"])
        {
            [0, 0] = 0.40,
            [1, 0] = 0.30,
            [1, 1] = 0.50,
            [2, 0] = 0.20,
            [2, 1] = 0.55,
            [2, 2] = 0.60,
        };
        return new ContinualRun(method, scenario, matrix, [0.50, 0.40, 0.60]);
    }

    [Fact]
    public void HandWorkedThreeTaskExample()
    {
        var summary = WorkedExample().Summary;

        Assert.Equal([-20, 25, 0], summary.Forward.Select(v => Math.Round(v, 9)));
        Assert.Equal([-50, 10, 0], summary.Backward.Select(v => Math.Round(v, 9)));
        Assert.Equal(0.45, summary.AveragePerformance, 12);
        Assert.Equal(5.0 / 3, summary.MeanForward, 9);
        Assert.Equal(-20, summary.MeanBackward, 9);
    }

    [Fact]
    public void MissingEntriesAndUntrainedCellsAreErrors()
    {
        var matrix = new PerformanceMatrix(["a", "b"]) { [0, 0] = 0.1 };

        Assert.False(matrix.IsComplete);
        Assert.Throws<ArgumentException>(() => TransferSummary.Of(matrix, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix[0, 1] = 0.2);
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix[1, 1] = double.NaN);
        Assert.True(double.IsNaN(matrix[1, 0]));
    }

    [Fact]
    public void WithoutSingleTaskBaselineForwardTransferIsNaNAndAZeroReferenceIsNaN()
    {
        var matrix = new PerformanceMatrix(["a", "b"]) { [0, 0] = 0, [1, 0] = 0.1, [1, 1] = 0.3 };

        var summary = TransferSummary.Of(matrix, null);

        Assert.All(summary.Forward, v => Assert.True(double.IsNaN(v)));
        Assert.True(double.IsNaN(summary.Backward[0]));
        Assert.True(double.IsNaN(summary.MeanBackward));
        Assert.Equal(0.2, summary.AveragePerformance, 12);
    }
}
