using Chucheon.Data;
using Chucheon.Models;
using Chucheon.Neural.Runtime;
using Chucheon.Neural.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Chucheon.Neural.Models;

/// <summary>Which reconstruction likelihood an autoencoder is trained with.</summary>
public enum Likelihood
{
    /// <summary>Softmax over the catalog (Liang et al. 2018): items compete for a user's probability mass.</summary>
    Multinomial,

    /// <summary>Independent Bernoulli per item (sigmoid + BCE).</summary>
    Logistic,
}

/// <summary>Fit, score and save for the user-vector autoencoders. Subclasses fix the likelihood and whether the
/// latent is variational. Scoring encodes each user's row of the scoring-time history, so users held out of
/// training are folded in with no extra step.</summary>
public abstract class AutoencoderRecommender : IRecommender, IDisposable
{
    private readonly AutoencoderOptions _options;
    private AutoencoderNet? _net;
    private Device _device = CPU;

    protected AutoencoderRecommender(AutoencoderOptions options) => _options = options;

    public abstract string Alias { get; }

    protected abstract Likelihood Likelihood { get; }

    protected abstract bool Variational { get; }

    public IModelOptions Options => _options;

    public int ItemCount { get; private set; }

    /// <summary>Per-epoch loss, metric and time of the last fit.</summary>
    public IReadOnlyList<EpochRecord> TrainingHistory { get; private set; } = [];

    internal AutoencoderNet Network => _net ?? throw new InvalidOperationException($"{Alias}: the model is not fitted.");

    private AutoencoderNet Build(int items) =>
        new(items, _options.HiddenDims, _options.LatentDim, Variational);

    /// <summary>Multinomial models see L2-normalised rows (Liang et al.); logistic ones the binary vector.</summary>
    private bool Normalize => Likelihood == Likelihood.Multinomial;

    public void Fit(InteractionDataset train, FitContext context)
    {
        TorchRuntime.SetThreads(_options.Threads ?? context.Threads);
        _device = TorchRuntime.ResolveDevice(_options.Device);
        random.manual_seed(context.Seed);
        var matrix = train.UserItems;
        ItemCount = train.ItemCount;
        _net?.Dispose();
        _net = Build(ItemCount);
        _net.to(_device);
        var active = Enumerable.Range(0, matrix.Rows).Where(u => matrix.RowLength(u) > 0).ToArray();
        var stepsPerEpoch = (active.Length + _options.BatchSize - 1) / _options.BatchSize;
        using var trainer = new Trainer(_options, context, Alias, _device);
        var optimizer = trainer.CreateOptimizer(_net.parameters());
        var net = _net;
        trainer.Run(net, (epoch, rng) =>
        {
            double total = 0;
            var batchIndex = 0;
            foreach (var batch in Trainer.Batches(active.Length, _options.BatchSize, rng))
            {
                var users = batch.Select(b => active[b]).ToArray();
                var updates = ((long)epoch * stepsPerEpoch) + batchIndex++;
                total += trainer.Step(optimizer, () => Loss(net,
                    TensorData.SparseRows(matrix, users, _device, Normalize, _options.Dropout, rng),
                    TensorData.DenseRows(matrix, users, _device), updates));
            }

            return total / Math.Max(1, batchIndex);
        }, this);
        TrainingHistory = trainer.History;
        net.eval();
    }

    /// <summary>Negative ELBO (or reconstruction loss for the deterministic models) of one batch.</summary>
    private Tensor Loss(AutoencoderNet net, Tensor corrupted, Tensor input, long updates)
    {
        var (logits, mu, logVariance) = net.TrainForward(corrupted);
        var reconstruction = Likelihood == Likelihood.Multinomial
            ? Losses.MultinomialLogLikelihood(logits, input)
            : Losses.LogisticLogLikelihood(logits, input);
        if (logVariance is null)
        {
            return reconstruction;
        }

        var beta = ((VariationalOptions)_options).BetaAt(updates);
        using var kl = Losses.GaussianKl(mu, logVariance);
        using var weighted = kl * beta;
        using (reconstruction)
        {
            return reconstruction + weighted;
        }
    }

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var net = Network;
        net.eval();
        using var noGrad = no_grad();
        var batchSize = _options.EvalBatchSize;
        for (var start = 0; start < users.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, users.Length - start);
            using var scope = NewDisposeScope();
            var input = TensorData.SparseRows(history, users.Slice(start, count), _device, Normalize);
            var logits = net.forward(input);
            TensorData.CopyTo(logits, scores.Slice(start * ItemCount, count * ItemCount));
        }
    }

    public void Save(ArtifactWriter writer)
    {
        writer.WriteJson("shape", new AutoencoderShape(ItemCount));
        TensorData.SaveModule(Network, writer);
    }

    private sealed record AutoencoderShape(int Items);

    /// <summary>Rebuilds a saved model into <paramref name="model"/> (a fresh instance with the saved options); the
    /// loaded model runs on the CPU unless its options name another device.</summary>
    public static IRecommender Load(AutoencoderRecommender model, ArtifactReader reader)
    {
        var shape = reader.ReadJson<AutoencoderShape>("shape");
        model.ItemCount = shape.Items;
        model._net = model.Build(shape.Items);
        TensorData.LoadModule(model._net, reader);
        model._device = TorchRuntime.ResolveDevice(model._options.Device);
        model._net.to(model._device);
        model._net.eval();
        return model;
    }

    public void Dispose()
    {
        _net?.Dispose();
        _net = null;
        GC.SuppressFinalize(this);
    }
}
