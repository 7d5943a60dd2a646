using Chucheon.Data;
using Chucheon.Models;
using Chucheon.Neural.Runtime;
using Chucheon.Neural.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Chucheon.Neural.Models;

/// <summary>The scaffolding every TorchSharp recommender repeats: the network and the device it lives on, thread and
/// seed set-up at fit time, batched no-grad scoring in one dispose scope per batch, saving the weights (after any
/// model-specific state) and restoring them into a freshly built network without the training data.</summary>
/// <remarks><see cref="ModelBundle"/> adds options and id maps around <see cref="Save"/>, so a saved model is one
/// self-contained artifact.</remarks>
public abstract class TorchRecommender<TNet, TOptions> : IRecommender, IDisposable
    where TNet : nn.Module
    where TOptions : NeuralOptions
{
    private TNet? _net;

    protected TorchRecommender(TOptions options) => Settings = options;

    public abstract string Alias { get; }

    public IModelOptions Options => Settings;

    /// <summary>The typed options (what <see cref="Options"/> returns).</summary>
    protected TOptions Settings { get; }

    public int ItemCount { get; protected set; }

    /// <summary>Per-epoch loss, metric and time of the last fit.</summary>
    public IReadOnlyList<EpochRecord> TrainingHistory { get; protected set; } = [];

    protected Device Device { get; private set; } = CPU;

    protected TNet Network => _net ?? throw new InvalidOperationException($"{Alias}: the model is not fitted.");

    public abstract void Fit(InteractionDataset train, FitContext context);

    public abstract void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores);

    /// <summary>Sets libtorch's threads and seed, resolves the device, and replaces any previous network with a new
    /// one placed on that device.</summary>
    protected TNet StartFit(FitContext context, Func<TNet> build)
    {
        TorchRuntime.SetThreads(Settings.Threads ?? context.Threads);
        Device = TorchRuntime.ResolveDevice(Settings.Device);
        random.manual_seed(context.Seed);
        _net?.Dispose();
        _net = build();
        _net.to(Device);
        return _net;
    }

    /// <summary>Scores <paramref name="count"/> users in batches of <see cref="NeuralOptions.EvalBatchSize"/> under
    /// no_grad. <paramref name="scoreBatch"/>(start, size) returns a [size, ItemCount] tensor; its temporaries are
    /// freed after each batch.</summary>
    protected void ScoreInBatches(int count, Span<float> scores, Func<int, int, Tensor> scoreBatch) =>
        ScoreInBatches(count, Settings.EvalBatchSize, scores, scoreBatch);

    /// <summary>As above with an explicit number of users per batch, for models whose scoring intermediates grow
    /// with users × items × width.</summary>
    protected void ScoreInBatches(int count, int usersPerBatch, Span<float> scores, Func<int, int, Tensor> scoreBatch)
    {
        Network.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < count; start += usersPerBatch)
        {
            var size = Math.Min(usersPerBatch, count - start);
            using var scope = NewDisposeScope();
            TensorData.CopyTo(scoreBatch(start, size), scores.Slice(start * ItemCount, size * ItemCount));
        }
    }

    public void Save(ArtifactWriter writer)
    {
        SaveState(writer);
        TensorData.SaveModule(Network, writer);
    }

    /// <summary>Model-specific state written before the weights (shapes, id lists).</summary>
    protected abstract void SaveState(ArtifactWriter writer);

    /// <summary>Loads saved weights into <paramref name="net"/> (built with the saved shape), moves it to the
    /// configured device and makes it this model's network.</summary>
    protected void Restore(TNet net, ArtifactReader reader)
    {
        TensorData.LoadModule(net, reader);
        Device = TorchRuntime.ResolveDevice(Settings.Device);
        net.to(Device);
        net.eval();
        _net?.Dispose();
        _net = net;
    }

    public void Dispose()
    {
        _net?.Dispose();
        _net = null;
        GC.SuppressFinalize(this);
    }
}
