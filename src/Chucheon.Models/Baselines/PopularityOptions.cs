using Chucheon.Configuration;

namespace Chucheon.Models.Baselines;

/// <summary>Options of <see cref="PopularityRecommender"/>.</summary>
public sealed class PopularityOptions : IModelOptions
{
    /// <summary>Count only interactions in the last N days before the latest training timestamp; null counts all.</summary>
    public double? WindowDays { get; set; }

    /// <summary>Count distinct users per item instead of events (repeated views count once).</summary>
    public bool DistinctUsers { get; set; } = true;

    public void Validate()
    {
        if (WindowDays is { } days) { OptionChecks.Positive(days, "window_days"); }
    }
}
