using Chucheon.Models;
using Chucheon.Neural.Models;
using Chucheon.Neural.Runtime;
using Chucheon.Neural.Training;
using Chucheon.TestKit;
using TorchSharp;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests;

public sealed class InfrastructureTests
{
    [Fact]
    public void LiveTensorCountStaysFlatOverManySteps()
    {
        var data = new Synthetic();
        using var net = new AutoencoderNet(data.Train.ItemCount, [16], 4, variational: true);
        var options = new MultiVaeOptions();
        using var trainer = new Trainer(options, Synthetic.Context(), "leak", CPU);
        var optimizer = trainer.CreateOptimizer(net.parameters());
        var users = Enumerable.Range(0, 16).ToArray();
        long LiveAfter(int steps)
        {
            for (var s = 0; s < steps; s++)
            {
                trainer.Step(optimizer, () =>
                {
                    var input = TensorData.DenseRows(data.Train.UserItems, users, CPU);
                    var corrupted = TensorData.SparseRows(data.Train.UserItems, users, CPU, normalize: true, dropout: 0.5, new Random(1));
                    var (logits, mu, logVariance) = net.TrainForward(corrupted);
                    return Losses.MultinomialLogLikelihood(logits, input) + (0.2 * Losses.GaussianKl(mu, logVariance!));
                });
            }

            return DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        }

        var warm = LiveAfter(5);
        var later = LiveAfter(300);
        Assert.Equal(warm, later);

        // Scoring under no_grad leaves nothing behind either.
        var model = ModelLearningTests.Small("multivae", epochs: 2);
        model.Fit(data.Train, Synthetic.Context());
        var scores = new float[users.Length * model.ItemCount];
        model.Score(users, data.Train.UserItems, scores);
        var before = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        for (var i = 0; i < 50; i++) { model.Score(users, data.Train.UserItems, scores); }
        Assert.Equal(before, DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    [Theory]
    [InlineData("multivae")]
    [InlineData("multidae")]
    [InlineData("vae")]
    [InlineData("recvae")]
    [InlineData("ncf")]
    public void BundleRoundTripScoresIdentically(string alias)
    {
        var data = new Synthetic();
        var model = ModelLearningTests.Small(alias, epochs: 4);
        model.Fit(data.Train, Synthetic.Context());
        using var dir = new TempDirectory();
        new ModelBundle(model, data.Train.Users, data.Train.Items, data.Train.UserItems).Save(dir.Path);
        var loaded = ModelBundle.Load(dir.Path);
        Assert.Equal(alias, loaded.Model.Alias);
        var users = Enumerable.Range(0, data.Train.UserCount).ToArray();
        var expected = new float[users.Length * model.ItemCount];
        var actual = new float[expected.Length];
        model.Score(users, data.Train.UserItems, expected);
        // The loaded model scores from the bundle's history alone: no training dataset.
        loaded.Model.Score(users, loaded.History, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void AutoDeviceFallsBackToCpuWithAWarning()
    {
        var warnings = new List<string>();
        var previousWarn = TorchRuntime.Warn;
        var previousProbe = TorchRuntime.CudaProbe;
        try
        {
            TorchRuntime.Warn = warnings.Add;
            TorchRuntime.CudaProbe = () => false;
            TorchRuntime.ResetCudaProbe();
            Assert.Equal(DeviceType.CPU, TorchRuntime.ResolveDevice("auto").type);
            Assert.Equal(DeviceType.CPU, TorchRuntime.ResolveDevice("cuda").type);
            Assert.Contains(warnings, w => w.Contains("CUDA is not available", StringComparison.Ordinal));
            warnings.Clear();
            Assert.Equal(DeviceType.CPU, TorchRuntime.ResolveDevice("cpu").type);
            Assert.Empty(warnings);

            // A probe that throws is treated as "no CUDA", not as a crash.
            TorchRuntime.CudaProbe = () => throw new InvalidOperationException("driver missing");
            TorchRuntime.ResetCudaProbe();
            Assert.Equal(DeviceType.CPU, TorchRuntime.ResolveDevice("auto").type);
            Assert.Contains(warnings, w => w.Contains("driver missing", StringComparison.Ordinal));
        }
        finally
        {
            TorchRuntime.Warn = previousWarn;
            TorchRuntime.CudaProbe = previousProbe;
            TorchRuntime.ResetCudaProbe();
        }
    }

    [Fact]
    public void NativeEnvironmentHasPassiveOpenMpWait()
    {
        Assert.Equal("PASSIVE", Environment.GetEnvironmentVariable("OMP_WAIT_POLICY"));
    }

    [Fact]
    public void EarlyStoppingRestoresTheBestEpoch()
    {
        var data = new Synthetic();
        // A validation metric that peaks at epoch 3 (0-based 2) and then falls: training must stop after `patience`
        // worse evaluations and end with the epoch-3 weights.
        var calls = 0;
        float[]? bestScores = null;
        var model = new MultiVaeRecommender(new MultiVaeOptions { HiddenDims = [16], LatentDim = 4, Epochs = 20, BatchSize = 16, Patience = 2 });
        var users = Enumerable.Range(0, data.Train.UserCount).ToArray();
        var log = new TrainingLog();
        var context = Synthetic.Context(log: log, validate: scorer =>
        {
            calls++;
            if (calls == 3)
            {
                bestScores = new float[users.Length * scorer.ItemCount];
                scorer.Score(users, data.Train.UserItems, bestScores);
            }

            return calls <= 3 ? calls : 3 - calls;
        });
        model.Fit(data.Train, context);
        Assert.Equal(5, calls);
        Assert.Equal(5, model.TrainingHistory.Count);
        Assert.Equal([1, 2, 3, 4, 5], log.Epochs.Select(e => e.Epoch));
        Assert.Equal([1.0, 2.0, 3.0, -1.0, -2.0], log.Epochs.Select(e => e.ValidationMetric!.Value));
        Assert.Equal(3, log.BestEpoch);
        Assert.Equal(3.0, log.BestValidationMetric);
        Assert.True(log.StoppedEarly);
        var final = new float[bestScores!.Length];
        model.Score(users, data.Train.UserItems, final);
        Assert.Equal(bestScores, final);
    }

    [Fact]
    public void ResumingFromACheckpointMatchesAnUninterruptedRun()
    {
        var data = new Synthetic();
        var users = Enumerable.Range(0, data.Train.UserCount).ToArray();
        using var dir = new TempDirectory();
        MultiVaeOptions Options(int epochs, string? checkpoint) => new()
        {
            HiddenDims = [16], LatentDim = 4, Epochs = epochs, BatchSize = 16, CheckpointPath = checkpoint,
            LrSchedule = LrSchedule.Step, LrStepSize = 2, ClipGradNorm = 1.0,
        };
        float[] ScoresOf(IRecommender m)
        {
            var s = new float[users.Length * m.ItemCount];
            m.Score(users, data.Train.UserItems, s);
            return s;
        }

        var straight = new MultiVaeRecommender(Options(6, null));
        straight.Fit(data.Train, Synthetic.Context());
        var interrupted = new MultiVaeRecommender(Options(3, dir.Path));
        interrupted.Fit(data.Train, Synthetic.Context());
        var resumed = new MultiVaeRecommender(Options(6, dir.Path));
        resumed.Fit(data.Train, Synthetic.Context());
        Assert.Equal(6, resumed.TrainingHistory.Count);
        Assert.Equal(ScoresOf(straight), ScoresOf(resumed));
    }
}
