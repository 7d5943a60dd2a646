using Chucheon.Configuration;

namespace Chucheon.Models.Baselines;

/// <summary>Options of <see cref="GenrePopularityRecommender"/>.</summary>
public sealed class GenrePopularityOptions : IModelOptions
{
    /// <summary>How many of the user's most frequent genres count.</summary>
    public int TopGenres { get; set; } = 3;

    /// <summary>Name of the item multi-valued feature that holds genres.</summary>
    public string GenreFeature { get; set; } = "genres";

    public void Validate()
    {
        OptionChecks.AtLeast(TopGenres, 1, "top_genres");
        if (string.IsNullOrWhiteSpace(GenreFeature)) { throw new OptionsException("genre_feature", "must name an item feature."); }
    }
}
