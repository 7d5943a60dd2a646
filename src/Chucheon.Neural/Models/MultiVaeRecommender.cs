namespace Chucheon.Neural.Models;

/// <summary>Multi-VAE: a variational autoencoder over a user's item vector with a multinomial likelihood and an
/// annealed KL weight.</summary>
/// <remarks>Liang, Krishnan, Hoffman, Jebara. "Variational Autoencoders for Collaborative Filtering." WWW 2018.
/// The multinomial likelihood makes items compete for probability mass, which suits top-N ranking better than
/// Gaussian or logistic likelihoods; β &lt; 1 ("partial regularisation") trades the prior for reconstruction.</remarks>
public sealed class MultiVaeRecommender(MultiVaeOptions options) : AutoencoderRecommender(options)
{
    public const string AliasName = "multivae";

    public override string Alias => AliasName;

    protected override Likelihood Likelihood => Likelihood.Multinomial;

    protected override bool Variational => true;
}
