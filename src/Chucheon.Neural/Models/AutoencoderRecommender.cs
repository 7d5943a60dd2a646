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
public abstract class AutoencoderRecommender : TorchRecommender<AutoencoderNet, AutoencoderOptions>
{
    protected AutoencoderRecommender(AutoencoderOptions options) : base(options)
    {
    }

    protected abstract Likelihood Likelihood { get; }

    protected abstract bool Variational { get; }

    private AutoencoderNet Build(int items) =>
        new(items, Settings.HiddenDims, Settings.LatentDim, Variational);

    /// <summary>Multinomial models see L2-normalised rows (Liang et al.); logistic ones the binary vector.</summary>
    private bool Normalize => Likelihood == Likelihood.Multinomial;

    public override void Fit(InteractionDataset train, FitContext context)
    {
        var matrix = train.UserItems;
        ItemCount = train.ItemCount;
        var net = StartFit(context, () => Build(ItemCount));
        var active = Enumerable.Range(0, matrix.Rows).Where(u => matrix.RowLength(u) > 0).ToArray();
        var stepsPerEpoch = (active.Length + Settings.BatchSize - 1) / Settings.BatchSize;
        using var trainer = new Trainer(Settings, context, Alias, Device);
        var optimizer = trainer.CreateOptimizer(net.parameters());
        trainer.Run(net, (epoch, rng) =>
        {
            double total = 0;
            var batchIndex = 0;
            foreach (var batch in Trainer.Batches(active.Length, Settings.BatchSize, rng))
            {
                var users = batch.Select(b => active[b]).ToArray();
                var updates = ((long)epoch * stepsPerEpoch) + batchIndex++;
                total += trainer.Step(optimizer, () => Loss(net,
                    TensorData.SparseRows(matrix, users, Device, Normalize, Settings.Dropout, rng),
                    TensorData.DenseRows(matrix, users, Device), updates));
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

        var beta = ((VariationalOptions)Settings).BetaAt(updates);
        using var kl = Losses.GaussianKl(mu, logVariance);
        using var weighted = kl * beta;
        using (reconstruction)
        {
            return reconstruction + weighted;
        }
    }

    public override void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var net = Network;
        var ids = users.ToArray();
        ScoreInBatches(ids.Length, scores, (start, count) =>
            net.forward(TensorData.SparseRows(history, ids.AsSpan(start, count), Device, Normalize)));
    }

    protected override void SaveState(ArtifactWriter writer) => writer.WriteJson("shape", new AutoencoderShape(ItemCount));

    private sealed record AutoencoderShape(int Items);

    /// <summary>Rebuilds a saved model into <paramref name="model"/> (a fresh instance with the saved options); the
    /// loaded model runs on the CPU unless its options name another device.</summary>
    public static IRecommender Load(AutoencoderRecommender model, ArtifactReader reader)
    {
        model.ItemCount = reader.ReadJson<AutoencoderShape>("shape").Items;
        model.Restore(model.Build(model.ItemCount), reader);
        return model;
    }
}
