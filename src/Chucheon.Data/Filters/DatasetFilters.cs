using System.Globalization;
using Chucheon.Configuration;

namespace Chucheon.Data.Filters;

/// <summary>Applies a <see cref="FilterSpec"/> to a dataset.</summary>
public static class DatasetFilters
{
    /// <summary>Filters the log, then compacts ids so that the result holds only users and items with interactions.</summary>
    /// <remarks>
    /// Order, each step on the previous step's output:
    /// <list type="number">
    /// <item>time window (<c>time_start</c>/<c>time_end</c>, inclusive) — first, so that every later count describes the
    /// period being studied;</item>
    /// <item>minimum rating — before dedupe, so that a low re-rating cannot displace a qualifying one;</item>
    /// <item>dedupe (first/last by time, ties in file order);</item>
    /// <item>max user interactions — before the k-core, because removing outlier users changes item counts; the k-core
    /// only removes rows, so it can never push a user back over the maximum;</item>
    /// <item>k-core on users and items, to its fixed point (see <see cref="KCore"/>);</item>
    /// <item>id compaction (see <see cref="IdCompaction"/>), features remapped with their entity.</item>
    /// </list>
    /// Rows keep their source order throughout.
    /// </remarks>
    public static (InteractionDataset Dataset, FilterReport Report) Apply(InteractionDataset dataset, FilterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();

        var steps = new List<FilterStepReport>();
        var log = dataset.Log;
        var activeUsers = CountDistinct(log.Users, dataset.UserCount);
        var activeItems = CountDistinct(log.Items, dataset.ItemCount);
        if (activeUsers < dataset.UserCount || activeItems < dataset.ItemCount)
        {
            steps.Add(new FilterStepReport("unused-ids", 0, dataset.UserCount - activeUsers, dataset.ItemCount - activeItems,
                "ids in the id maps without any interaction"));
        }

        if (spec.TimeStart is not null || spec.TimeEnd is not null)
        {
            var times = log.Timestamps ?? throw new OptionsException(spec.TimeStart is null ? "filters.time_end" : "filters.time_start",
                $"dataset '{dataset.Name}' has no timestamps to filter on.");
            var start = spec.TimeStart ?? long.MinValue;
            var end = spec.TimeEnd ?? long.MaxValue;
            log = Step("time-window", log, dataset, steps, r => times[r] >= start && times[r] <= end);
        }

        if (spec.MinRating is { } minRating)
        {
            var ratings = log.Ratings ?? throw new OptionsException("filters.min_rating", $"dataset '{dataset.Name}' has no ratings to filter on.");
            log = Step("min-rating", log, dataset, steps, r => ratings[r] >= minRating);
        }

        if (spec.Dedupe != DedupePolicy.None)
        {
            var keep = Deduplication.Keep(log, dataset.UserCount, dataset.ItemCount, spec.Dedupe);
            log = Step("dedupe", log, dataset, steps, r => keep[r]);
        }

        if (spec.MaxUserInteractions is { } max)
        {
            var counts = new int[dataset.UserCount];
            foreach (var u in log.Users) { counts[u]++; }
            log = Step("max-user-interactions", log, dataset, steps, r => counts[log.Users[r]] <= max);
        }

        if (spec.MinUserInteractions > 1 || spec.MinItemInteractions > 1)
        {
            var keep = KCore.Keep(log, dataset.UserCount, dataset.ItemCount, spec.MinUserInteractions, spec.MinItemInteractions);
            log = Step("k-core", log, dataset, steps, r => keep[r],
                string.Create(CultureInfo.InvariantCulture, $"users >= {spec.MinUserInteractions}, items >= {spec.MinItemInteractions}"));
        }

        var result = IdCompaction.Compact(dataset, log);
        var report = new FilterReport(dataset.Log.Count, dataset.UserCount, dataset.ItemCount,
            result.Log.Count, result.UserCount, result.ItemCount, steps);
        return (result, report);
    }

    private static InteractionLog Step(string name, InteractionLog log, InteractionDataset dataset, List<FilterStepReport> steps,
        Func<int, bool> keep, string? detail = null)
    {
        var filtered = log.Where(keep);
        steps.Add(new FilterStepReport(name, log.Count - filtered.Count,
            CountDistinct(log.Users, dataset.UserCount) - CountDistinct(filtered.Users, dataset.UserCount),
            CountDistinct(log.Items, dataset.ItemCount) - CountDistinct(filtered.Items, dataset.ItemCount),
            detail));
        return filtered;
    }

    private static int CountDistinct(int[] ids, int range)
    {
        var seen = new bool[range];
        var distinct = 0;
        foreach (var id in ids)
        {
            if (!seen[id]) { seen[id] = true; distinct++; }
        }

        return distinct;
    }
}
