namespace Chucheon.Neural.Models;

/// <summary>Multi-DAE: a denoising autoencoder (input dropout) with a multinomial likelihood.</summary>
/// <remarks>Liang, Krishnan, Hoffman, Jebara. "Variational Autoencoders for Collaborative Filtering." WWW 2018,
/// §2.3: the deterministic counterpart of Multi-VAE, often as strong on dense data.</remarks>
public sealed class MultiDaeRecommender(MultiDaeOptions options) : AutoencoderRecommender(options)
{
    public const string AliasName = "multidae";

    public override string Alias => AliasName;

    protected override Likelihood Likelihood => Likelihood.Multinomial;

    protected override bool Variational => false;
}
