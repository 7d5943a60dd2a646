using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Training;

/// <summary>Loss functions shared by the neural models. Each returns a scalar (mean over the batch's rows or pairs)
/// and accepts optional per-interaction confidence weights of the same shape as the scored entries, so confidence
/// (e.g. 1 + alpha * count) or importance weights plug in without new code.</summary>
public static class Losses
{
    /// <summary>Bayesian personalised ranking (Rendle et al. 2009): -log σ(s⁺ - s⁻). <paramref name="negative"/> may
    /// hold several negatives per row ([B, K] against [B] or [B, 1]); every pair counts.</summary>
    public static Tensor Bpr(Tensor positive, Tensor negative, Tensor? weights = null)
    {
        using var pos = positive.dim() == 1 && negative.dim() == 2 ? positive.unsqueeze(1) : positive.alias();
        using var diff = pos - negative;
        using var pairLoss = -F.logsigmoid(diff);
        return WeightedMean(pairLoss, weights);
    }

    /// <summary>Binary cross-entropy on logits (numerically stable form).</summary>
    public static Tensor Bce(Tensor logits, Tensor targets, Tensor? weights = null)
    {
        using var elementwise = F.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None);
        return WeightedMean(elementwise, weights);
    }

    /// <summary>Full softmax cross-entropy: each row's logits over the whole catalog, one target index per row.</summary>
    public static Tensor SoftmaxCrossEntropy(Tensor logits, Tensor targets, Tensor? weights = null)
    {
        using var perRow = F.cross_entropy(logits, targets, reduction: nn.Reduction.None);
        return WeightedMean(perRow, weights);
    }

    /// <summary>Sampled softmax: the positive competes only with sampled negatives. <paramref name="logQCorrection"/>,
    /// when given ([B, 1 + K] log sampling probabilities), is subtracted so popularity-sampled negatives do not bias
    /// the estimate towards rare items (Bengio &amp; Senécal 2008; Yi et al. 2019).</summary>
    public static Tensor SampledSoftmaxCrossEntropy(Tensor positive, Tensor negatives, Tensor? logQCorrection = null, Tensor? weights = null)
    {
        using var pos = positive.dim() == 1 ? positive.unsqueeze(1) : positive.alias();
        using var all = cat([pos, negatives], 1);
        using var corrected = logQCorrection is null ? all.alias() : all - logQCorrection;
        using var logProbabilities = F.log_softmax(corrected, 1);
        using var first = logProbabilities.select(1, 0);
        using var perRow = -first;
        return WeightedMean(perRow, weights);
    }

    /// <summary>Multinomial log-likelihood of Liang et al. (2018): -Σᵢ xᵢ log softmax(logits)ᵢ per user, averaged over
    /// users. <paramref name="weights"/> scales each (user, item) term.</summary>
    public static Tensor MultinomialLogLikelihood(Tensor logits, Tensor input, Tensor? weights = null)
    {
        using var logProbabilities = F.log_softmax(logits, 1);
        using var terms = logProbabilities * input;
        using var weighted = weights is null ? terms.alias() : terms * weights;
        using var perUser = weighted.sum(1);
        using var mean = perUser.mean();
        return -mean;
    }

    /// <summary>Logistic (Bernoulli) log-likelihood over all items, summed per user and averaged over users; the
    /// likelihood of the plain <c>ae</c>/<c>dae</c>/<c>vae</c> models.</summary>
    public static Tensor LogisticLogLikelihood(Tensor logits, Tensor input, Tensor? weights = null)
    {
        using var elementwise = F.binary_cross_entropy_with_logits(logits, input, reduction: nn.Reduction.None);
        using var weighted = weights is null ? elementwise.alias() : elementwise * weights;
        using var perUser = weighted.sum(1);
        return perUser.mean();
    }

    /// <summary>Squared error, averaged.</summary>
    public static Tensor Mse(Tensor predictions, Tensor targets, Tensor? weights = null)
    {
        using var diff = predictions - targets;
        using var squared = diff.square();
        return WeightedMean(squared, weights);
    }

    /// <summary>KL(N(μ, σ²) ‖ N(0, I)) summed over latent dimensions and averaged over rows:
    /// -½ Σ (1 + log σ² - μ² - σ²).</summary>
    public static Tensor GaussianKl(Tensor mu, Tensor logVariance)
    {
        using var variance = logVariance.exp();
        using var muSquared = mu.square();
        using var inner = 1 + logVariance - muSquared - variance;
        using var perRow = inner.sum(1);
        using var mean = perRow.mean();
        return -0.5 * mean;
    }

    private static Tensor WeightedMean(Tensor values, Tensor? weights)
    {
        if (weights is null)
        {
            return values.mean();
        }

        using var weighted = values * weights;
        return weighted.mean();
    }
}
