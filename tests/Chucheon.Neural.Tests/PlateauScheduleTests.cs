using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Models;
using Chucheon.Neural.Models;
using Chucheon.Neural.Training;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests;

public sealed class PlateauScheduleTests
{
    [Fact]
    public void TheRateDropsByGammaAfterEachValidationThatDoesNotImproveAndNeverBelowTheFloor()
    {
        // Validation metric per epoch: improves, improves, worse, equal to the best (not better), improves, worse ×2.
        double[] metrics = [0.5, 0.6, 0.55, 0.6, 0.7, 0.65, 0.64];
        var epoch = 0;
        var (rates, _, bestEpoch) = Rates(PlateauOptions(metrics.Length), Synthetic.Context(validate: _ => metrics[epoch++]));

        // One cut after epochs 3, 4, 6 (0-based 2, 3, 5); the third cut would reach 1e-5, under the 2e-5 floor.
        double[] expected = [0.01, 0.01, 0.01, 0.001, 1e-4, 1e-4, 2e-5];
        Assert.Equal(expected.Length, rates.Count);
        for (var i = 0; i < expected.Length; i++) { Assert.Equal(expected[i], rates[i], 12); }
        Assert.Equal(4, bestEpoch);
    }

    [Fact]
    public void AMultistepScheduleOnTheRecordedDropsReplaysThePlateauRatesWithoutValidation()
    {
        double[] metrics = [0.5, 0.6, 0.55, 0.6, 0.7, 0.65, 0.64];
        var epoch = 0;
        var (recordedRates, drops, _) = Rates(PlateauOptions(metrics.Length), Synthetic.Context(validate: _ => metrics[epoch++]));

        var replay = new MultiVaeOptions
        {
            LearningRate = 0.01, LrSchedule = LrSchedule.Multistep, LrMilestones = [.. drops], LrGamma = 0.1, LrMin = 2e-5, Patience = 0, Epochs = metrics.Length,
        };
        var (replayedRates, _, _) = Rates(replay, Synthetic.Context());

        // Cuts after epochs 3, 4, 6 and 7; the last one comes after the final epoch and changes no rate.
        Assert.Equal([3, 4, 6, 7], drops);
        Assert.Equal(recordedRates.Count, replayedRates.Count);
        for (var i = 0; i < recordedRates.Count; i++) { Assert.Equal(recordedRates[i], replayedRates[i], 15); }
    }

    /// <summary>Rate 0.01 cut ×0.1 after every validation that does not improve, floored at 2e-5, no early stop.</summary>
    private static MultiVaeOptions PlateauOptions(int epochs) => new()
    {
        LearningRate = 0.01, LrSchedule = LrSchedule.Plateau, LrGamma = 0.1, LrMin = 2e-5, Patience = 0, Epochs = epochs,
    };

    /// <summary>The rate each epoch ran at (also as recorded in the history), the trainer's recorded drops and its best epoch.</summary>
    private static (List<double> Rates, int[] Drops, int BestEpoch) Rates(MultiVaeOptions options, FitContext context)
    {
        using var net = nn.Linear(2, 1);
        using var trainer = new Trainer(options, context, "schedule", CPU);
        var optimizer = trainer.CreateOptimizer(net.parameters());
        var rates = new List<double>();
        trainer.Run(net, (_, _) =>
        {
            rates.Add(optimizer.ParamGroups.First().LearningRate);
            return 0;
        }, new Unscored());
        Assert.Equal(rates, trainer.History.Select(h => h.LearningRate));
        return (rates, trainer.LearningRateDrops.ToArray(), trainer.BestEpoch);
    }

    /// <summary>The validation callback here ignores the scorer; the trainer only passes it through.</summary>
    private sealed class Unscored : IItemScorer
    {
        public int ItemCount => 0;

        public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores) => throw new NotSupportedException();
    }
}
