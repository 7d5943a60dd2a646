using Chucheon.Configuration;

namespace Chucheon.Evaluation;

/// <summary>The <c>evaluation:</c> section of an experiment config: which ranking metrics at which cutoffs, under which
/// protocol. Bound by <see cref="OptionsBinder"/> (snake_case keys, unknown keys rejected).</summary>
/// <example>
/// <code>
/// evaluation:
///   metrics: [Recall, NDCG, MRR, Coverage]
///   k: [10, 20]
///   mode: full            # or sampled, with negative_samples
///   segments: true
/// </code>
/// </example>
public sealed class EvaluationSpec : IValidatedOptions
{
    /// <summary>The config section name; error keys are prefixed with it.</summary>
    public const string Section = "evaluation";

    /// <summary>Metric names from <see cref="MetricCatalog"/>, case-insensitive. Classification names (AUC, GAUC,
    /// LogLoss) are accepted so that one config can list them, but the ranking evaluator leaves them to the CTR evaluator.</summary>
    public IReadOnlyList<string> Metrics { get; set; } =
        [MetricCatalog.Recall, MetricCatalog.Ndcg, MetricCatalog.Mrr, MetricCatalog.Hit, MetricCatalog.Precision, MetricCatalog.Map];

    /// <summary>Cutoffs; every metric is reported at each.</summary>
    public IReadOnlyList<int> K { get; set; } = [10, 20];

    public EvaluationMode Mode { get; set; } = EvaluationMode.Full;

    /// <summary>Negatives sampled per user in <see cref="EvaluationMode.Sampled"/> mode; ignored in full mode.</summary>
    public int NegativeSamples { get; set; } = 100;

    /// <summary>Also report metrics per user segment (cold / warm) and per item segment (head / tail).</summary>
    public bool Segments { get; set; }

    /// <summary>A user whose scoring history has at most this many distinct items is "cold".</summary>
    public int ColdUserMaxItems { get; set; } = 5;

    /// <summary>The most popular fraction of the catalog (by training interactions) that forms the "head" item segment.</summary>
    public double HeadItemFraction { get; set; } = 0.2;

    /// <summary>Users scored per call to the scorer; memory for scores is BatchSize × items floats.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Keep each evaluated user's top-max(K) list in the report (for writing a recommendations file).</summary>
    public bool KeepTopLists { get; set; }

    /// <summary>The largest cutoff: the length every ranked list is reduced to.</summary>
    public int MaxK => K.Count == 0 ? 0 : K.Max();

    /// <summary>Resolved metrics in config order, canonical spelling, duplicates removed.</summary>
    public IReadOnlyList<MetricDefinition> ResolvedMetrics() =>
        Metrics.Select(MetricCatalog.Resolve).DistinctBy(d => d.Name).ToArray();

    /// <summary>Distinct cutoffs in ascending order.</summary>
    public IReadOnlyList<int> Cutoffs() => K.Distinct().Order().ToArray();

    public void Validate()
    {
        if (Metrics is null || Metrics.Count == 0)
        {
            throw new OptionsException($"{Section}.metrics", $"at least one metric is required. Known metrics: {MetricCatalog.KnownNames}.");
        }

        for (var i = 0; i < Metrics.Count; i++)
        {
            if (Metrics[i] is null || !MetricCatalog.TryResolve(Metrics[i], out _))
            {
                throw new OptionsException($"{Section}.metrics[{i}]", $"unknown metric '{Metrics[i]}'. Known metrics: {MetricCatalog.KnownNames}.");
            }
        }

        if (K is null || K.Count == 0)
        {
            throw new OptionsException($"{Section}.k", "at least one cutoff is required (e.g. [10, 20]).");
        }

        foreach (var k in K)
        {
            if (k < 1)
            {
                throw new OptionsException($"{Section}.k", $"every cutoff must be >= 1 (got {k}).");
            }
        }

        if (Mode == EvaluationMode.Sampled)
        {
            OptionChecks.AtLeast(NegativeSamples, 1, $"{Section}.negative_samples");
        }

        OptionChecks.AtLeast(ColdUserMaxItems, 0, $"{Section}.cold_user_max_items");
        if (!(HeadItemFraction > 0 && HeadItemFraction < 1))
        {
            throw new OptionsException($"{Section}.head_item_fraction", $"must be in (0, 1) (got {HeadItemFraction}).");
        }

        OptionChecks.AtLeast(BatchSize, 1, $"{Section}.batch_size");
    }
}
