namespace Chucheon.Neural.Models;

/// <summary><c>ae</c>: a plain autoencoder with a logistic (per-item Bernoulli) likelihood.</summary>
/// <remarks>The logistic likelihood is the baseline Liang et al. (2018) compare the multinomial one against; see also
/// Wu et al. "Collaborative Denoising Auto-Encoders for Top-N Recommender Systems", WSDM 2016.</remarks>
public sealed class AeRecommender(AeOptions options) : AutoencoderRecommender(options)
{
    public const string AliasName = "ae";

    public override string Alias => AliasName;

    protected override Likelihood Likelihood => Likelihood.Logistic;

    protected override bool Variational => false;
}

/// <summary><c>dae</c>: denoising autoencoder (input dropout) with a logistic likelihood.</summary>
/// <remarks>Vincent et al. "Extracting and Composing Robust Features with Denoising Autoencoders", ICML 2008, applied
/// to user vectors as in Wu et al. (WSDM 2016) without the user node.</remarks>
public sealed class DaeRecommender(DaeOptions options) : AutoencoderRecommender(options)
{
    public const string AliasName = "dae";

    public override string Alias => AliasName;

    protected override Likelihood Likelihood => Likelihood.Logistic;

    protected override bool Variational => false;
}

/// <summary><c>vae</c>: variational autoencoder with a logistic likelihood.</summary>
/// <remarks>Kingma &amp; Welling, "Auto-Encoding Variational Bayes", ICLR 2014; the logistic-likelihood VAE baseline
/// of Liang et al. (2018).</remarks>
public sealed class VaeRecommender(VaeOptions options) : AutoencoderRecommender(options)
{
    public const string AliasName = "vae";

    public override string Alias => AliasName;

    protected override Likelihood Likelihood => Likelihood.Logistic;

    protected override bool Variational => true;
}
