namespace Chucheon.Evaluation;

/// <summary>The accuracy metrics that are a function of one user's ranked list and relevant set (see
/// <see cref="RankingMetrics"/> for their definitions); the reported value is the mean over evaluated users.</summary>
public enum RankingMetric
{
    Recall,
    CompetitionRecall,
    Precision,
    Ndcg,
    Hit,
    Mrr,
    Map,
}
