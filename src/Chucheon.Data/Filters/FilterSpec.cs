using Chucheon.Configuration;

namespace Chucheon.Data.Filters;

/// <summary>The <c>filters:</c> section of an experiment config: which interactions to drop before splitting.</summary>
/// <remarks>
/// Filters run in a fixed order, each on the output of the previous one (see <see cref="DatasetFilters.Apply"/>):
/// time window → minimum rating → dedupe → max user interactions → k-core → id compaction.
/// Every threshold defaults to "off", so an empty section keeps all interactions (ids are still compacted).
/// </remarks>
public sealed class FilterSpec : IValidatedOptions
{
    /// <summary><c>min_rating</c>: keep rows whose rating is ≥ this (explicit → implicit feedback). Needs a rating column.</summary>
    public float? MinRating { get; set; }

    /// <summary><c>dedupe</c>: none | first | last — which occurrence of a repeated (user, item) pair to keep.</summary>
    public DedupePolicy Dedupe { get; set; } = DedupePolicy.None;

    /// <summary><c>min_user_interactions</c>: the user side of the k-core; 0 or 1 disables it.</summary>
    public int MinUserInteractions { get; set; }

    /// <summary><c>min_item_interactions</c>: the item side of the k-core; 0 or 1 disables it.</summary>
    public int MinItemInteractions { get; set; }

    /// <summary><c>time_start</c>: unix seconds; rows earlier than this are dropped (the bound itself is kept).</summary>
    public long? TimeStart { get; set; }

    /// <summary><c>time_end</c>: unix seconds; rows later than this are dropped (the bound itself is kept).</summary>
    public long? TimeEnd { get; set; }

    /// <summary><c>max_user_interactions</c>: users with more rows than this are removed entirely (crawlers, shared
    /// accounts), not truncated, because a truncated history would misrepresent them.</summary>
    public int? MaxUserInteractions { get; set; }

    public void Validate()
    {
        OptionChecks.AtLeast(MinUserInteractions, 0, "filters.min_user_interactions");
        OptionChecks.AtLeast(MinItemInteractions, 0, "filters.min_item_interactions");
        if (MinRating is { } rating && !float.IsFinite(rating))
        {
            throw new OptionsException("filters.min_rating", $"must be a finite number (got {rating}).");
        }

        if (!Enum.IsDefined(Dedupe))
        {
            throw new OptionsException("filters.dedupe", $"'{Dedupe}' is not one of: none, first, last.");
        }

        if (TimeStart is { } start && TimeEnd is { } end && start > end)
        {
            throw new OptionsException("filters.time_end", $"must be >= time_start ({end} < {start}).");
        }

        if (MaxUserInteractions is { } max)
        {
            OptionChecks.AtLeast(max, 1, "filters.max_user_interactions");
            if (max < MinUserInteractions)
            {
                throw new OptionsException("filters.max_user_interactions",
                    $"must be >= min_user_interactions ({max} < {MinUserInteractions}); no user could remain.");
            }
        }
    }
}
