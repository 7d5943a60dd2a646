using Chucheon.Neural.Sequential;
using Chucheon.Neural.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests;

public sealed class SequentialMemoryTests
{
    [Fact]
    public void LiveTensorCountStaysFlatOverTrainingStepsAndScoring()
    {
        var data = new SequentialSynthetic();
        var options = new Cl4SRecOptions { HiddenDim = 8, MaxLength = 12, Augmentations = [Augmentation.Crop, Augmentation.Mask, Augmentation.Substitute] };
        using var encoder = new SelfAttentionEncoder(data.Train.ItemCount, 8, 12, 1, 1, 0.1, causal: true);
        var known = data.Sequences.Select(s => s.Distinct().Order().ToArray()).ToArray();
        var objective = new NextItemObjective(encoder, options, known, CPU);
        var contrastive = new ContrastiveObjective(encoder, options, ItemCorrelation.FromSequences(data.Sequences, data.Train.ItemCount, 2), null, CPU);
        using var trainer = new Trainer(options, Synthetic.Context(), "leak", CPU);
        var optimizer = trainer.CreateOptimizer(encoder.parameters());
        var users = Enumerable.Range(0, 16).ToArray();
        var rows = users.Select(u => data.Sequences[u]).ToArray();
        var random = new Random(3);
        long LiveAfter(int steps)
        {
            for (var s = 0; s < steps; s++)
            {
                trainer.Step(optimizer, () => objective.ShiftedLoss(users, rows, random) + contrastive.Loss(rows, random));
            }

            return DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        }

        var warm = LiveAfter(5);
        Assert.Equal(warm, LiveAfter(100));

        using var model = SequentialSynthetic.Small("sasrec", epochs: 1);
        model.Fit(data.Train, Synthetic.Context());
        var scores = new float[users.Length * model.ItemCount];
        model.ScoreSequences(users, data.Sequences, scores);
        var before = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        for (var i = 0; i < 30; i++) { model.ScoreSequences(users, data.Sequences, scores); }
        Assert.Equal(before, DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}
