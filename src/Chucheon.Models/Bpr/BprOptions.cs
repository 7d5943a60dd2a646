using Chucheon.Configuration;

namespace Chucheon.Models.Bpr;

/// <summary>How negative items are drawn for a (user, positive) pair.</summary>
public enum NegativeSampling
{
    /// <summary>Every item equally likely (Rendle et al. 2009).</summary>
    Uniform,

    /// <summary>Proportional to popularity^exponent (word2vec-style; 0.75 is the usual choice).</summary>
    Popularity,
}

/// <summary>Hyperparameters of BPR matrix factorisation (alias <c>bpr</c>).</summary>
public sealed class BprOptions : IModelOptions
{
    public int Factors { get; set; } = 64;

    /// <summary>SGD step size (constant). Defaults for the step size and the three L2 weights are the values tuned on
    /// ML-1M's validation split (docs/benchmarks-classic-ials-bpr.md); re-tune them for other data.</summary>
    public float LearningRate { get; set; } = 0.02f;

    /// <summary>L2 weight on user factors (applied at each step as decay).</summary>
    public float UserReg { get; set; } = 0.03f;

    /// <summary>L2 weight on item factors (positive and negative item).</summary>
    public float ItemReg { get; set; } = 0.005f;

    /// <summary>L2 weight on item biases.</summary>
    public float BiasReg { get; set; } = 0.01f;

    /// <summary>Passes over the training pairs; each pass visits every distinct (user, item) pair once.</summary>
    public int Epochs { get; set; } = 200;

    /// <summary>Learn a per-item bias b_i (score x_uᵀy_i + b_i).</summary>
    public bool ItemBias { get; set; } = true;

    public NegativeSampling NegativeSampling { get; set; } = NegativeSampling.Uniform;

    /// <summary>Exponent on item popularity (distinct training users) for <see cref="NegativeSampling.Popularity"/>.</summary>
    public float PopularityExponent { get; set; } = 0.75f;

    /// <summary>Standard deviation of the seeded normal initialisation.</summary>
    public float InitScale { get; set; } = 0.1f;

    /// <summary>Epochs between calls of the validation callback (when the fit context has one).</summary>
    public int EvalEvery { get; set; } = 5;

    /// <summary>Validations without improvement before training stops; the best factors seen are kept.</summary>
    public int Patience { get; set; } = 6;

    /// <summary>Users and items are split into this many random blocks per epoch and updated stratum by stratum, so
    /// threads never share a row (results depend on this number, never on the thread count). 1 is plain sequential SGD.</summary>
    public int Blocks { get; set; } = 8;

    /// <summary>SGD passes over a new user's (or item's) interactions when folding them in with the other side fixed.</summary>
    public int FoldInEpochs { get; set; } = 30;

    public void Validate()
    {
        OptionChecks.AtLeast(Factors, 1, "factors");
        OptionChecks.Positive(LearningRate, "learning_rate");
        OptionChecks.NonNegative(UserReg, "user_reg");
        OptionChecks.NonNegative(ItemReg, "item_reg");
        OptionChecks.NonNegative(BiasReg, "bias_reg");
        OptionChecks.AtLeast(Epochs, 1, "epochs");
        OptionChecks.InRange(PopularityExponent, 0, 2, "popularity_exponent");
        OptionChecks.Positive(InitScale, "init_scale");
        OptionChecks.AtLeast(EvalEvery, 1, "eval_every");
        OptionChecks.AtLeast(Patience, 1, "patience");
        OptionChecks.InRange(Blocks, 1, 256, "blocks");
        OptionChecks.AtLeast(FoldInEpochs, 1, "fold_in_epochs");
    }
}
