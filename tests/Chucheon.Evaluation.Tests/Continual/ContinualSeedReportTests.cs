using Chucheon.Evaluation.Continual;

namespace Chucheon.Evaluation.Tests.Continual;

public sealed class ContinualSeedReportTests
{
    /// <summary>The worked example with its forgetting undone: R(T_3, ·) = R(T_i, T_i), so BWT is 0 and the average 0.5.</summary>
    private static ContinualRun NoForgetting(string method = "TERACON", string scenario = "original")
    {
        var matrix = new PerformanceMatrix(["next_item", "rated_4", "age"])
        {
            [0, 0] = 0.40,
            [1, 0] = 0.40,
            [1, 1] = 0.50,
            [2, 0] = 0.40,
            [2, 1] = 0.50,
            [2, 2] = 0.60,
        };
        return new ContinualRun(method, scenario, matrix, [0.50, 0.40, 0.60]);
    }

    [Fact]
    public void Spread_is_mean_sample_deviation_and_range_ignoring_nan()
    {
        var spread = Spread.Of([1, 2, double.NaN, 3]);

        Assert.Equal(new Spread(2, 1, 1, 3, 3), spread);
        Assert.Equal(0, Spread.Of([5]).StandardDeviation);
        Assert.Equal(0, Spread.Of([double.NaN]).Count);
        Assert.True(double.IsNaN(Spread.Of([]).Mean));
    }

    [Fact]
    public void Two_seeds_give_mean_spread_and_each_seed_column()
    {
        var markdown = ContinualSeedReport.Render(
        [
            new SeededRun(42, TransferSummaryTests.WorkedExample()),
            new SeededRun(43, NoForgetting()),
            new SeededRun(42, TransferSummaryTests.WorkedExample("FineAll")),
        ]);

        Assert.Contains("Seeds: 42, 43.", markdown, StringComparison.Ordinal);
        // Averages 0.45 and 0.50; mean BWT −20 and 0; worst earlier-task BWT −50 and 0.
        Assert.Contains("| TERACON | original | 2 | 0.4750 ± 0.0354 [0.4500, 0.5000] | -10.00 ± 14.14 [-20.00, 0.00] | -25.00 ± 35.36 [-50.00, 0.00] |",
            markdown, StringComparison.Ordinal);
        Assert.Contains("| FineAll | original | 1 | 0.4500 | -20.00 | -50.00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| TERACON | original | 0.4500 | 0.5000 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| FineAll | original | 0.4500 | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("| method | next_item | rated_4 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| TERACON | -25.00 ± 35.36 [-50.00, 0.00] | +5.00 ± 7.07 [0.00, +10.00] |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("noisy task", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_twice_under_one_seed_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => ContinualSeedReport.Render(
            [new SeededRun(1, TransferSummaryTests.WorkedExample()), new SeededRun(1, NoForgetting())]));
    }

    [Fact]
    public void Noisy_loss_compares_only_the_tasks_after_the_noisy_one_under_the_same_seed()
    {
        var original = new PerformanceMatrix(["a", "b", "c"]) { [0, 0] = 0.9, [1, 0] = 0.9, [1, 1] = 0.5, [2, 0] = 0.9, [2, 1] = 0.5, [2, 2] = 0.6 };
        var noisy = new PerformanceMatrix(["a", "noisy", "b", "c"])
        {
            [0, 0] = 0.1,
            [1, 0] = 0.1, [1, 1] = 0.02,
            [2, 0] = 0.1, [2, 1] = 0.02, [2, 2] = 0.3,
            [3, 0] = 0.1, [3, 1] = 0.02, [3, 2] = 0.3, [3, 3] = 0.5,
        };
        SeededRun[] runs =
        [
            new(7, new ContinualRun("HAT", "original", original, null)),
            new(7, new ContinualRun("HAT", "noisy", noisy, null)),
            new(8, new ContinualRun("HAT", "noisy", noisy, null)), // no original run under seed 8: no loss
        ];

        var loss = Assert.Single(ContinualSeedReport.NoisyLosses(runs));

        // Task a (before the noisy task) differs by 0.8 and must not count: ((0.5 − 0.3) + (0.6 − 0.5)) / 2.
        Assert.Equal(0.15, loss.Loss, 12);
        Assert.Equal(["b", "c"], loss.Tasks);
        Assert.Equal(7, loss.Seed);
        Assert.Contains("| HAT | 1 | +0.1500 | +0.1500 | — |", ContinualSeedReport.Render(runs), StringComparison.Ordinal);
    }
}
