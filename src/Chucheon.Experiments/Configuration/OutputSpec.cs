using Chucheon.Configuration;

namespace Chucheon.Experiments.Configuration;

/// <summary>What a run writes besides metrics.json and the run record.</summary>
public sealed class OutputSpec : IValidatedOptions
{
    /// <summary>Save the fitted model as a self-contained bundle under <c>DIR/model</c>.</summary>
    public bool SaveModel { get; set; } = true;

    /// <summary>Write <c>DIR/recommendations.tsv</c>: top-K for every evaluated user.</summary>
    public bool Recommendations { get; set; }

    /// <summary>K of the recommendations file.</summary>
    public int RecommendationsK { get; set; } = 10;

    public void Validate() => OptionChecks.AtLeast(RecommendationsK, 1, "recommendations_k");
}
