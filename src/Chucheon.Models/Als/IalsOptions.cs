using Chucheon.Configuration;

namespace Chucheon.Models.Als;

/// <summary>How an interaction value becomes confidence: c = 1 + alpha · f(value).</summary>
public enum ConfidenceFunction
{
    /// <summary>f(v) = v (Hu et al., eq. 6).</summary>
    Linear,

    /// <summary>f(v) = log(1 + v / epsilon) (Hu et al., eq. 7), which tames heavy repeat counts.</summary>
    Log,
}

/// <summary>How each row's regularised least-squares system is solved.</summary>
public enum IalsSolver
{
    /// <summary>A few conjugate-gradient steps warm-started from the previous row (Takács et al. 2011): O(k²+nk) per step.</summary>
    Cg,

    /// <summary>Exact Cholesky solve: O(n·k² + k³) per row; slower, useful as a reference.</summary>
    Cholesky,
}

/// <summary>Hyperparameters of implicit ALS (alias <c>ials</c>). Defaults follow the <c>implicit</c> library.</summary>
public sealed class IalsOptions : IModelOptions
{
    /// <summary>Latent dimension k.</summary>
    public int Factors { get; set; } = 64;

    /// <summary>L2 regularisation λ on both factor matrices.</summary>
    public float Reg { get; set; } = 0.01f;

    /// <summary>Scales λ per row by (number of interactions)^exponent: 0 keeps one λ for everyone (Hu et al.), 1 is the
    /// weighted-λ regularisation of ALS-WR (Zhou et al. 2008); Rendle et al. 2022 tune it between the two.</summary>
    public float RegExponent { get; set; }

    /// <summary>Confidence scale: observed entries weigh 1 + alpha · f(value), unobserved ones 1.</summary>
    public float Alpha { get; set; } = 1f;

    public ConfidenceFunction Confidence { get; set; } = ConfidenceFunction.Linear;

    /// <summary>The ε of the log confidence function.</summary>
    public float Epsilon { get; set; } = 1f;

    /// <summary>Alternating sweeps (users then items).</summary>
    public int Iterations { get; set; } = 15;

    public IalsSolver Solver { get; set; } = IalsSolver.Cg;

    /// <summary>Conjugate-gradient steps per row and sweep (3 is implicit's default; more approaches the exact solve).</summary>
    public int CgSteps { get; set; } = 3;

    /// <summary>Standard deviation of the seeded normal initialisation of both factor matrices.</summary>
    public float InitScale { get; set; } = 0.01f;

    /// <summary>Event-type name → weight multiplied into each event's value before summing per (user, item), e.g.
    /// view: 1, cart: 3, purchase: 10. Types not listed weigh 1; names must exist in the dataset's event types.</summary>
    public Dictionary<string, float> EventWeights { get; set; } = [];

    /// <summary>Exponent β of the item-popularity factor (n_i / mean n)^(−β) on the confidence term: β &gt; 0 trusts
    /// interactions with popular items less (Steck 2011), β &lt; 0 trusts them more, 0 switches it off.</summary>
    public float ItemPopularityConfidence { get; set; }

    /// <summary>τ in days of the recency factor exp(−Δt / τ) per event, Δt measured back from the user's latest event;
    /// 0 switches it off. Needs timestamps.</summary>
    public float RecencyDecayDays { get; set; }

    /// <summary>γ of the genre factor 1 + γ · m_ui, where m_ui ∈ [0, 1] is the share of the user's genre mentions that
    /// fall on the item's genres; 0 switches it off. Needs the item feature named by <see cref="GenreFeature"/>.</summary>
    public float GenrePreferenceConfidence { get; set; }

    /// <summary>Multi-categorical item feature used by <see cref="GenrePreferenceConfidence"/>.</summary>
    public string GenreFeature { get; set; } = "genres";

    /// <summary>Reports the weighted squared loss after every iteration (one extra pass over the data).</summary>
    public bool ComputeLoss { get; set; }

    public void Validate()
    {
        OptionChecks.AtLeast(Factors, 1, "factors");
        OptionChecks.NonNegative(Reg, "reg");
        OptionChecks.InRange(RegExponent, 0, 2, "reg_exponent");
        OptionChecks.NonNegative(Alpha, "alpha");
        OptionChecks.Positive(Epsilon, "epsilon");
        OptionChecks.AtLeast(Iterations, 1, "iterations");
        OptionChecks.AtLeast(CgSteps, 1, "cg_steps");
        OptionChecks.Positive(InitScale, "init_scale");
        foreach (var (name, weight) in EventWeights)
        {
            OptionChecks.NonNegative(weight, $"event_weights.{name}");
        }

        OptionChecks.InRange(ItemPopularityConfidence, -2, 2, "item_popularity_confidence");
        OptionChecks.NonNegative(RecencyDecayDays, "recency_decay_days");
        OptionChecks.NonNegative(GenrePreferenceConfidence, "genre_preference_confidence");
        if (string.IsNullOrWhiteSpace(GenreFeature))
        {
            throw new OptionsException("genre_feature", "must name an item feature.");
        }
    }
}
