namespace Chucheon.Evaluation;

/// <summary>Which metrics at which cutoffs one evaluation computes, and where each per-user value sits in a flat
/// array, so that a row can be reduced once and its values summed in user order afterwards.</summary>
internal sealed class MetricLayout
{
    public MetricLayout(EvaluationSpec spec)
    {
        Metrics = spec.ResolvedMetrics();
        Ranking = Metrics.Where(m => m.Kind == MetricKind.Ranking).Select(m => m.PerUser!.Value).ToArray();
        Cutoffs = [.. spec.Cutoffs()];
        MaxK = Cutoffs[^1];
        var beyondAccuracy = spec.Mode == EvaluationMode.Full;
        Coverage = beyondAccuracy && Metrics.Any(m => m.Name == MetricCatalog.Coverage);
        AveragePopularity = beyondAccuracy && Metrics.Any(m => m.Name == MetricCatalog.AveragePopularity);
    }

    /// <summary>All requested metrics, config order, classification ones included (they are skipped when summarising).</summary>
    public IReadOnlyList<MetricDefinition> Metrics { get; }

    public RankingMetric[] Ranking { get; }

    public int[] Cutoffs { get; }

    public int MaxK { get; }

    /// <summary>Coverage and average popularity describe the top K of the whole catalog; they are computed only under
    /// full ranking, where that is what the list is.</summary>
    public bool Coverage { get; }

    public bool AveragePopularity { get; }

    /// <summary>Per-user values: every ranking metric at every cutoff, then average popularity at every cutoff.</summary>
    public int ValuesPerUser => (Ranking.Length + 1) * Cutoffs.Length;

    private int RankingSlot(int metric, int cutoff) => (metric * Cutoffs.Length) + cutoff;

    private int PopularitySlot(int cutoff) => (Ranking.Length * Cutoffs.Length) + cutoff;

    public void WriteRanking(ReadOnlySpan<bool> hits, int relevantCount, Span<double> values)
    {
        for (var m = 0; m < Ranking.Length; m++)
        {
            for (var c = 0; c < Cutoffs.Length; c++)
            {
                values[RankingSlot(m, c)] = RankingMetrics.Compute(Ranking[m], hits, relevantCount, Cutoffs[c]);
            }
        }
    }

    /// <summary>Mean training popularity of the first K recommended items (of fewer when fewer were left to rank; 0
    /// for an empty list).</summary>
    public void WritePopularity(ReadOnlySpan<int> top, int[] popularity, Span<double> values)
    {
        for (var c = 0; c < Cutoffs.Length; c++)
        {
            var n = Math.Min(Cutoffs[c], top.Length);
            var sum = 0.0;
            for (var i = 0; i < n; i++) { sum += popularity[top[i]]; }
            values[PopularitySlot(c)] = n == 0 ? 0 : sum / n;
        }
    }

    /// <summary>The report dictionary for one group of users.</summary>
    /// <param name="coverage">Fraction covered at a cutoff, or null to leave coverage out of this group.</param>
    public Dictionary<string, double> Summarize(SegmentAccumulator group, Func<int, double>? coverage, bool includePopularity)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var rankingIndex = 0;
        foreach (var metric in Metrics)
        {
            switch (metric.Kind)
            {
                case MetricKind.Ranking:
                    for (var c = 0; c < Cutoffs.Length; c++) { result[Key(metric, c)] = group.Mean(RankingSlot(rankingIndex, c)); }
                    rankingIndex++;
                    break;
                case MetricKind.BeyondAccuracy when metric.Name == MetricCatalog.Coverage && Coverage && coverage is not null:
                    for (var c = 0; c < Cutoffs.Length; c++) { result[Key(metric, c)] = coverage(Cutoffs[c]); }
                    break;
                case MetricKind.BeyondAccuracy when metric.Name == MetricCatalog.AveragePopularity && AveragePopularity && includePopularity:
                    for (var c = 0; c < Cutoffs.Length; c++) { result[Key(metric, c)] = group.Mean(PopularitySlot(c)); }
                    break;
                default:
                    break;
            }
        }

        return result;
    }

    /// <summary>The keys <see cref="Summarize"/> produces for the overall report (coverage included when computed).</summary>
    public IReadOnlyList<string> ReportKeys()
    {
        var keys = new List<string>();
        foreach (var metric in Metrics)
        {
            var reported = metric.Kind == MetricKind.Ranking
                || (metric.Name == MetricCatalog.Coverage && Coverage)
                || (metric.Name == MetricCatalog.AveragePopularity && AveragePopularity);
            if (!reported) { continue; }
            for (var c = 0; c < Cutoffs.Length; c++) { keys.Add(Key(metric, c)); }
        }

        return keys;
    }

    private string Key(MetricDefinition metric, int cutoff) => FormattableString.Invariant($"{metric.Name}@{Cutoffs[cutoff]}");
}
