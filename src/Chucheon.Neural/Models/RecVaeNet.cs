using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Models;

/// <summary>RecVAE's encoder: five densely connected layers (each layer's input is the sum of all earlier
/// outputs) with swish activations and layer normalisation, then Gaussian posterior heads. Takes the L2-normalised
/// (and, while training the encoder, dropped-out) user row, dense or sparse.</summary>
public sealed class RecVaeEncoder : nn.Module<Tensor, (Tensor Mu, Tensor LogVariance)>
{
    private readonly ModuleList<Linear> layers = new();
    private readonly ModuleList<LayerNorm> norms = new();
    private readonly Linear mu;
    private readonly Linear logvar;

    public RecVaeEncoder(int items, int hidden, int latent, int depth = 5) : base(nameof(RecVaeEncoder))
    {
        for (var i = 0; i < depth; i++)
        {
            layers.Add(nn.Linear(i == 0 ? items : hidden, hidden));
            // The paper's reference uses a large epsilon (0.1), which keeps early training stable.
            norms.Add(nn.LayerNorm(hidden, eps: 0.1));
        }

        mu = nn.Linear(hidden, latent);
        logvar = nn.Linear(hidden, latent);
        RegisterComponents();
    }

    public override (Tensor Mu, Tensor LogVariance) forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor? sum = null;
        var h = input;
        for (var i = 0; i < layers.Count; i++)
        {
            // mm for the first layer: it accepts the sparse input.
            var pre = i == 0 ? mm(h, layers[0].weight!.t()) + layers[0].bias! : layers[i].forward(h);
            if (sum is not null) { pre = pre + sum; }
            h = norms[i].forward(F.silu(pre));
            sum = sum is null ? h : sum + h;
        }

        return (mu.forward(h).MoveToOuterDisposeScope(), logvar.forward(h).MoveToOuterDisposeScope());
    }
}

/// <summary>RecVAE network: encoder, a frozen copy of the encoder from the previous epoch (for the composite prior),
/// and a linear decoder.</summary>
public sealed class RecVaeNet : nn.Module<Tensor, Tensor>
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    private readonly RecVaeEncoder encoder;
    private readonly RecVaeEncoder previous;
    private readonly Linear decoder;

    public RecVaeNet(int items, int hidden, int latent) : base(nameof(RecVaeNet))
    {
        encoder = new RecVaeEncoder(items, hidden, latent);
        previous = new RecVaeEncoder(items, hidden, latent);
        decoder = nn.Linear(latent, items);
        RegisterComponents();
        foreach (var p in previous.parameters()) { p.requires_grad = false; }
        UpdatePrior();
    }

    public RecVaeEncoder Encoder => encoder;

    public Linear Decoder => decoder;

    /// <summary>Copies the current encoder into the prior's encoder (end of each epoch).</summary>
    public void UpdatePrior()
    {
        using var noGrad = no_grad();
        var source = encoder.state_dict();
        foreach (var (name, target) in previous.state_dict())
        {
            target.copy_(source[name]);
        }
    }

    /// <summary>Negative ELBO with the composite prior: the KL term is estimated from one posterior sample z as
    /// log q(z|x) − log p(z|x), weighted per user by γ·|x| (more evidence, stronger regularisation) or by a fixed β.</summary>
    /// <param name="encoderInput">Normalised, possibly corrupted row fed to the encoder.</param>
    /// <param name="cleanInput">Normalised uncorrupted row, fed to the prior's encoder.</param>
    /// <param name="input">Dense binary row: the reconstruction target.</param>
    public Tensor Loss(Tensor encoderInput, Tensor cleanInput, Tensor input, double gamma, double beta)
    {
        using var scope = NewDisposeScope();
        var (mu, logVariance) = encoder.forward(encoderInput);
        var z = training ? mu + (randn_like(mu) * (0.5 * logVariance).exp()) : mu;
        var logits = decoder.forward(z);
        var mll = (F.log_softmax(logits, 1) * input).sum(1).mean();
        var klWeight = gamma > 0 ? input.sum(1) * gamma : full(input.shape[0], beta, device: input.device);
        var kl = ((LogNormal(z, mu, logVariance) - CompositePrior(cleanInput, z)).sum(1) * klWeight).mean();
        return (kl - mll).MoveToOuterDisposeScope();
    }

    /// <summary>Mixture of a standard normal (3/20), the previous epoch's posterior (15/20) and a wide normal with
    /// log-variance 10 (2/20); the weights of Shenbin et al.</summary>
    private Tensor CompositePrior(Tensor input, Tensor z)
    {
        Tensor priorMu, priorLogVariance;
        using (no_grad())
        {
            previous.eval();
            (priorMu, priorLogVariance) = previous.forward(input);
        }

        var standard = LogNormal(z, zeros_like(z), zeros_like(z)) + Math.Log(3.0 / 20);
        var posterior = LogNormal(z, priorMu, priorLogVariance) + Math.Log(15.0 / 20);
        var wide = LogNormal(z, zeros_like(z), full_like(z, 10.0)) + Math.Log(2.0 / 20);
        return stack([standard, posterior, wide], -1).logsumexp(-1);
    }

    private static Tensor LogNormal(Tensor x, Tensor mu, Tensor logVariance) =>
        -0.5 * (logVariance + Log2Pi + ((x - mu).square() / logVariance.exp()));

    /// <summary>Inference: decode the posterior mean of the clean (normalised) input.</summary>
    public override Tensor forward(Tensor input)
    {
        var (mu, logVariance) = encoder.forward(input);
        using (mu)
        using (logVariance)
        {
            return decoder.forward(mu);
        }
    }
}
