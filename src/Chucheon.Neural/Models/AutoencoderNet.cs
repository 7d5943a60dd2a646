using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Models;

/// <summary>A symmetric tanh MLP autoencoder over a user's item vector: I → hidden… → latent → …hidden → I logits.
/// With <c>variational</c> the encoder's last layer emits a Gaussian posterior (μ, log σ²) and training samples
/// from it by reparameterisation; at inference the mean is decoded. The input arrives already normalised and
/// corrupted (see <see cref="Training.TensorData.SparseRows"/>), dense or sparse COO.</summary>
public sealed class AutoencoderNet : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> encoder = new();
    private readonly ModuleList<Linear> decoder = new();
    private readonly int _latent;
    private readonly bool _variational;

    public AutoencoderNet(int items, IReadOnlyList<int> hidden, int latent, bool variational)
        : base(nameof(AutoencoderNet))
    {
        _latent = latent;
        _variational = variational;
        var widths = new List<int> { items };
        widths.AddRange(hidden);
        for (var i = 0; i + 1 < widths.Count; i++)
        {
            encoder.Add(nn.Linear(widths[i], widths[i + 1]));
        }

        // The variational encoder's head emits μ and log σ² side by side.
        encoder.Add(nn.Linear(widths[^1], variational ? 2 * latent : latent));
        widths.Add(latent);
        for (var i = widths.Count - 1; i > 0; i--)
        {
            decoder.Add(nn.Linear(widths[i], widths[i - 1]));
        }

        // Xavier weights and small normal biases, the initialisation of Liang et al.'s reference code.
        foreach (var layer in encoder.Concat(decoder))
        {
            nn.init.xavier_uniform_(layer.weight);
            nn.init.normal_(layer.bias!, 0, 0.001);
        }

        RegisterComponents();
    }

    /// <summary>Posterior mean (and log-variance for the variational model; null otherwise) of a batch of item vectors.</summary>
    public (Tensor Mu, Tensor? LogVariance) Encode(Tensor input)
    {
        using var scope = NewDisposeScope();
        var h = input;
        for (var i = 0; i < encoder.Count; i++)
        {
            // mm rather than Linear.forward for the first layer: it accepts a sparse input.
            h = i == 0 ? mm(h, encoder[0].weight!.t()) + encoder[0].bias! : encoder[i].forward(h);
            if (i < encoder.Count - 1 || !_variational)
            {
                h = h.tanh();
            }
        }

        if (!_variational)
        {
            return (h.MoveToOuterDisposeScope(), null);
        }

        var mu = h.narrow(1, 0, _latent);
        var logVariance = h.narrow(1, _latent, _latent);
        return (mu.MoveToOuterDisposeScope(), logVariance.MoveToOuterDisposeScope());
    }

    public Tensor Decode(Tensor z)
    {
        using var scope = NewDisposeScope();
        var h = z;
        for (var i = 0; i < decoder.Count; i++)
        {
            h = decoder[i].forward(h);
            if (i < decoder.Count - 1) { h = h.tanh(); }
        }

        return h.MoveToOuterDisposeScope();
    }

    /// <summary>Training pass: logits from a (reparameterised, when variational) latent sample, plus the posterior.</summary>
    public (Tensor Logits, Tensor Mu, Tensor? LogVariance) TrainForward(Tensor input)
    {
        var (mu, logVariance) = Encode(input);
        if (logVariance is null || !training)
        {
            return (Decode(mu), mu, logVariance);
        }

        using var std = (0.5 * logVariance).exp();
        using var eps = randn_like(std);
        using var noise = eps * std;
        using var z = mu + noise;
        return (Decode(z), mu, logVariance);
    }

    /// <summary>Inference: decode the posterior mean.</summary>
    public override Tensor forward(Tensor input)
    {
        var (mu, logVariance) = Encode(input);
        using (mu)
        using (logVariance)
        {
            return Decode(mu);
        }
    }
}
