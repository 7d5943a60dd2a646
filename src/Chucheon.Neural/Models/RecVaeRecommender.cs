using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Models;
using Chucheon.Neural.Runtime;
using Chucheon.Neural.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Chucheon.Neural.Models;

/// <summary>Options of <c>recvae</c>; defaults follow the paper's reference implementation.</summary>
public sealed class RecVaeOptions : NeuralOptions
{
    public RecVaeOptions()
    {
        Epochs = 50;
        BatchSize = 500;
        LearningRate = 5e-4;
        Patience = 10;
    }

    public int HiddenDim { get; set; } = 600;

    public int LatentDim { get; set; } = 200;

    /// <summary>Encoder input dropout.</summary>
    public double Dropout { get; set; } = 0.5;

    /// <summary>KL weight per interaction: β(x) = γ·|x|. 0 switches to the fixed <see cref="Beta"/>.</summary>
    public double Gamma { get; set; } = 0.005;

    public double Beta { get; set; } = 0.2;

    /// <summary>Encoder passes over the data per epoch.</summary>
    public int EncoderEpochs { get; set; } = 3;

    /// <summary>Decoder passes over the data per epoch.</summary>
    public int DecoderEpochs { get; set; } = 1;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(HiddenDim, 1, "hidden_dim");
        OptionChecks.AtLeast(LatentDim, 1, "latent_dim");
        OptionChecks.InRange(Dropout, 0, 0.99, "dropout");
        OptionChecks.NonNegative(Gamma, "gamma");
        OptionChecks.NonNegative(Beta, "beta");
        OptionChecks.AtLeast(EncoderEpochs, 1, "encoder_epochs");
        OptionChecks.AtLeast(DecoderEpochs, 1, "decoder_epochs");
    }
}

/// <summary>RecVAE: Multi-VAE with a densely connected encoder, a composite prior that includes the previous epoch's
/// posterior, a per-user KL weight, and alternating encoder/decoder updates.</summary>
/// <remarks>Shenbin, Alekseev, Tutubalina, Malykh, Nikolenko. "RecVAE: a New Variational Autoencoder for Top-N
/// Recommendations with Implicit Feedback." WSDM 2020. The prior term acts like a trust region: the encoder may not
/// drift far from where it was an epoch ago, which stabilises training. The decoder is trained on clean input with
/// the encoder frozen, the encoder on corrupted input with the decoder frozen.</remarks>
public sealed class RecVaeRecommender(RecVaeOptions options) : TorchRecommender<RecVaeNet, RecVaeOptions>(options)
{
    public const string AliasName = "recvae";

    public override string Alias => AliasName;

    public override void Fit(InteractionDataset train, FitContext context)
    {
        var options = Settings;
        var matrix = train.UserItems;
        ItemCount = train.ItemCount;
        var net = StartFit(context, () => new RecVaeNet(ItemCount, options.HiddenDim, options.LatentDim));
        var active = Enumerable.Range(0, matrix.Rows).Where(u => matrix.RowLength(u) > 0).ToArray();
        using var trainer = new Trainer(options, context, Alias, Device);
        var encoderParameters = net.Encoder.parameters().ToArray();
        var decoderParameters = net.Decoder.parameters().ToArray();
        var encoderOptimizer = trainer.CreateOptimizer(encoderParameters);
        var decoderOptimizer = trainer.CreateOptimizer(decoderParameters);

        double Pass(optim.Optimizer optimizer, double dropout, Random rng)
        {
            double total = 0;
            var n = 0;
            foreach (var batch in Trainer.Batches(active.Length, options.BatchSize, rng))
            {
                var users = batch.Select(b => active[b]).ToArray();
                total += trainer.Step(optimizer, () =>
                {
                    var clean = TensorData.SparseRows(matrix, users, Device, normalize: true);
                    var corrupted = dropout > 0 ? TensorData.SparseRows(matrix, users, Device, normalize: true, dropout, rng) : clean;
                    return net.Loss(corrupted, clean, TensorData.DenseRows(matrix, users, Device), options.Gamma, options.Beta);
                });
                n++;
            }

            return total / Math.Max(1, n);
        }

        trainer.Run(net, (epoch, rng) =>
        {
            // Freezing the half that is not being updated skips its weight gradients (the largest GEMMs).
            SetTrainable(decoderParameters, false);
            for (var i = 0; i < options.EncoderEpochs; i++) { Pass(encoderOptimizer, options.Dropout, rng); }
            SetTrainable(decoderParameters, true);
            SetTrainable(encoderParameters, false);
            var loss = 0.0;
            for (var i = 0; i < options.DecoderEpochs; i++) { loss = Pass(decoderOptimizer, 0, rng); }
            SetTrainable(encoderParameters, true);
            net.UpdatePrior();
            return loss;
        }, this);
        TrainingHistory = trainer.History;
        net.eval();
    }

    private static void SetTrainable(IEnumerable<TorchSharp.Modules.Parameter> parameters, bool trainable)
    {
        foreach (var p in parameters) { p.requires_grad = trainable; }
    }

    public override void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var net = Network;
        var ids = users.ToArray();
        ScoreInBatches(ids.Length, scores, (start, count) =>
            net.forward(TensorData.SparseRows(history, ids.AsSpan(start, count), Device, normalize: true)));
    }

    private sealed record Shape(int Items);

    protected override void SaveState(ArtifactWriter writer) => writer.WriteJson("shape", new Shape(ItemCount));

    public static RecVaeRecommender Load(RecVaeOptions options, ArtifactReader reader)
    {
        var model = new RecVaeRecommender(options) { ItemCount = reader.ReadJson<Shape>("shape").Items };
        model.Restore(new RecVaeNet(model.ItemCount, options.HiddenDim, options.LatentDim), reader);
        return model;
    }
}
