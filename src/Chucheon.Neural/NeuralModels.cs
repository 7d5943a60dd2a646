using Chucheon.Models;
using Chucheon.Neural.Models;
using Chucheon.Neural.Sequential;

namespace Chucheon.Neural;

/// <summary>Registers the TorchSharp models with <see cref="ModelRegistry"/>. Chucheon.Models cannot list them in
/// BuiltInModels (it must not depend on TorchSharp), so the application layer calls <see cref="Register"/> once at
/// start-up; repeated calls are no-ops.</summary>
public static class NeuralModels
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static IEnumerable<ModelRegistration> All() =>
    [
        ModelRegistry.Entry<MultiDaeOptions>(MultiDaeRecommender.AliasName, "Multi-DAE: denoising autoencoder with multinomial likelihood (Liang et al. 2018)",
            o => new MultiDaeRecommender(o), (o, r) => AutoencoderRecommender.Load(new MultiDaeRecommender(o), r)),
        ModelRegistry.Entry<MultiVaeOptions>(MultiVaeRecommender.AliasName, "Multi-VAE: variational autoencoder with multinomial likelihood (Liang et al. 2018)",
            o => new MultiVaeRecommender(o), (o, r) => AutoencoderRecommender.Load(new MultiVaeRecommender(o), r)),
        ModelRegistry.Entry<AeOptions>(AeRecommender.AliasName, "Autoencoder with logistic likelihood",
            o => new AeRecommender(o), (o, r) => AutoencoderRecommender.Load(new AeRecommender(o), r)),
        ModelRegistry.Entry<DaeOptions>(DaeRecommender.AliasName, "Denoising autoencoder with logistic likelihood",
            o => new DaeRecommender(o), (o, r) => AutoencoderRecommender.Load(new DaeRecommender(o), r)),
        ModelRegistry.Entry<VaeOptions>(VaeRecommender.AliasName, "Variational autoencoder with logistic likelihood",
            o => new VaeRecommender(o), (o, r) => AutoencoderRecommender.Load(new VaeRecommender(o), r)),
        ModelRegistry.Entry<RecVaeOptions>(RecVaeRecommender.AliasName, "RecVAE: Multi-VAE with composite prior and alternating updates (Shenbin et al. 2020)",
            o => new RecVaeRecommender(o), RecVaeRecommender.Load),
        ModelRegistry.Entry<NcfOptions>(NcfRecommender.AliasName, "NeuMF: GMF + MLP neural collaborative filtering (He et al. 2017)",
            o => new NcfRecommender(o), NcfRecommender.Load),
        Sequential<SasRecOptions>("sasrec", "SASRec: causal self-attention next-item model (Kang & McAuley 2018)"),
        Sequential<Cl4SRecOptions>("cl4srec", "CL4SRec: SASRec + InfoNCE over crop/mask/reorder views (Xie et al. 2022)"),
        Sequential<CoSeRecOptions>("coserec", "CoSeRec: CL4SRec + correlation-based substitute/insert views (Liu et al. 2021)"),
        Sequential<HierarchicalClOptions>("hierarchical-cl", "SASRec + contrastive loss at cumulative augmentation levels"),
        Sequential<Gru4RecOptions>("gru4rec", "GRU4Rec: recurrent next-item model (Hidasi et al. 2016)"),
        Sequential<Bert4RecOptions>("bert4rec", "BERT4Rec: bidirectional self-attention, masked item prediction (Sun et al. 2019)"),
        Sequential<NextItNetOptions>("nextitnet", "NextItNet: dilated causal convolution residual blocks (Yuan et al. 2019)"),
    ];

    private static ModelRegistration Sequential<TOptions>(string alias, string description)
        where TOptions : SequentialOptions, new() =>
        ModelRegistry.Entry<TOptions>(alias, description,
            o => new SequentialRecommender(alias, o), (o, r) => SequentialRecommender.Load(alias, o, r));

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            Runtime.TorchRuntime.PrepareNativeEnvironment();
            foreach (var registration in All())
            {
                ModelRegistry.Register(registration);
            }

            _registered = true;
        }
    }
}
