using Chucheon.Configuration;

namespace Chucheon.Data.Synthetic;

/// <summary>Knobs of <see cref="SyntheticDataset"/>. The defaults give about 1,000 users × 1,500 items × 60,000
/// interactions: the quickstart's embedded dataset.</summary>
public sealed class SyntheticOptions : IValidatedOptions
{
    /// <summary>Same seed, same options: the same dataset, bit for bit.</summary>
    public int Seed { get; set; } = 42;

    public int Users { get; set; } = 1_000;

    public int Items { get; set; } = 1_500;

    /// <summary>Mean interactions per user; individual users vary around it with a heavy tail.</summary>
    public double InteractionsPerUser { get; set; } = 60;

    /// <summary>Fewest interactions a user gets (a 5-core-like floor, so leave-one-out splits have history).</summary>
    public int MinInteractionsPerUser { get; set; } = 5;

    /// <summary>Dimensions of the hidden user and item taste vectors.</summary>
    public int LatentDimensions { get; set; } = 8;

    /// <summary>Zipf exponent of item popularity: weight of the item at popularity rank r is (r + 1)^-exponent.</summary>
    public double PopularityExponent { get; set; } = 0.8;

    /// <summary>Log-normal sigma of per-user activity: 0 gives every user the mean, 1 a long tail of heavy users.</summary>
    public double ActivitySpread { get; set; } = 0.8;

    /// <summary>How strongly taste (vs popularity) drives what a user picks: the weight on the user-item affinity in the choice logit.</summary>
    public double PreferenceStrength { get; set; } = 4;

    public void Validate()
    {
        OptionChecks.AtLeast(Users, 1, "users");
        OptionChecks.AtLeast(Items, 2, "items");
        OptionChecks.Positive(InteractionsPerUser, "interactions_per_user");
        if (InteractionsPerUser > Items)
        {
            throw new OptionsException("interactions_per_user", $"must be at most items ({Items}); got {InteractionsPerUser}.");
        }

        OptionChecks.AtLeast(MinInteractionsPerUser, 0, "min_interactions_per_user");
        if (MinInteractionsPerUser > Items)
        {
            throw new OptionsException("min_interactions_per_user", $"must be at most items ({Items}); got {MinInteractionsPerUser}.");
        }

        OptionChecks.AtLeast(LatentDimensions, 2, "latent_dimensions");
        OptionChecks.NonNegative(PopularityExponent, "popularity_exponent");
        OptionChecks.NonNegative(ActivitySpread, "activity_spread");
        OptionChecks.NonNegative(PreferenceStrength, "preference_strength");
    }
}
