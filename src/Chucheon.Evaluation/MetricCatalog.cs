using System.Diagnostics.CodeAnalysis;

namespace Chucheon.Evaluation;

/// <summary>What family a metric belongs to, which decides the evaluator that computes it.</summary>
public enum MetricKind
{
    /// <summary>Per-user accuracy of a top-K list, averaged over users (<see cref="RankingEvaluator"/>).</summary>
    Ranking,

    /// <summary>Properties of all users' top-K lists taken together, such as catalog coverage (<see cref="RankingEvaluator"/>).</summary>
    BeyondAccuracy,

    /// <summary>Scores of individual impressions against click labels (<see cref="ClassificationMetrics"/>); not
    /// computed by the ranking evaluator.</summary>
    Classification,
}

/// <summary>One metric name as written in configs and report keys.</summary>
/// <param name="Name">Canonical spelling, used in report keys ("NDCG@10").</param>
/// <param name="PerUser">The per-user function for <see cref="MetricKind.Ranking"/> metrics; null otherwise.</param>
public sealed record MetricDefinition(string Name, MetricKind Kind, RankingMetric? PerUser, string Description);

/// <summary>The metric names Chucheon knows. Config names are matched case-insensitively; reports always use the
/// canonical spelling, and ranking metrics are keyed <c>Name@K</c> (<see cref="Key"/>).</summary>
public static class MetricCatalog
{
    public const string Recall = "Recall";
    public const string CompetitionRecall = "CompetitionRecall";
    public const string Precision = "Precision";
    public const string Ndcg = "NDCG";
    public const string Hit = "Hit";
    public const string Mrr = "MRR";
    public const string Map = "MAP";
    public const string Coverage = "Coverage";
    public const string AveragePopularity = "AveragePopularity";
    public const string Auc = "AUC";
    public const string GroupAuc = "GAUC";
    public const string LogLoss = "LogLoss";

    private static readonly MetricDefinition[] Definitions =
    [
        new(Recall, MetricKind.Ranking, RankingMetric.Recall, "hits in top K / relevant items"),
        new(CompetitionRecall, MetricKind.Ranking, RankingMetric.CompetitionRecall, "hits in top K / min(K, relevant items)"),
        new(Precision, MetricKind.Ranking, RankingMetric.Precision, "hits in top K / K"),
        new(Ndcg, MetricKind.Ranking, RankingMetric.Ndcg, "binary-relevance DCG@K over the ideal DCG of min(K, relevant) hits"),
        new(Hit, MetricKind.Ranking, RankingMetric.Hit, "1 when the top K holds any relevant item"),
        new(Mrr, MetricKind.Ranking, RankingMetric.Mrr, "1 / rank of the first relevant item within K, else 0"),
        new(Map, MetricKind.Ranking, RankingMetric.Map, "sum of precision@i at relevant ranks i <= K, over min(K, relevant)"),
        new(Coverage, MetricKind.BeyondAccuracy, null, "fraction of the catalog appearing in any evaluated user's top K"),
        new(AveragePopularity, MetricKind.BeyondAccuracy, null, "mean training interaction count of recommended items"),
        new(Auc, MetricKind.Classification, null, "area under the ROC curve of impression scores"),
        new(GroupAuc, MetricKind.Classification, null, "per-user AUC weighted by impressions"),
        new(LogLoss, MetricKind.Classification, null, "mean binary cross-entropy of clipped probabilities"),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByName =
        Definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<MetricDefinition> All => Definitions;

    /// <summary>Canonical names, comma-separated, for error messages.</summary>
    public static string KnownNames => string.Join(", ", Definitions.Select(d => d.Name));

    public static bool TryResolve(string name, [NotNullWhen(true)] out MetricDefinition? definition) =>
        ByName.TryGetValue(name.Trim(), out definition);

    public static MetricDefinition Resolve(string name) =>
        TryResolve(name, out var definition)
            ? definition
            : throw new ArgumentException($"Unknown metric '{name}'. Known metrics: {KnownNames}.", nameof(name));

    /// <summary>The report key of a metric at a cutoff: <c>Recall@10</c>, <c>NDCG@20</c>.</summary>
    public static string Key(string name, int k) => FormattableString.Invariant($"{Resolve(name).Name}@{k}");
}
