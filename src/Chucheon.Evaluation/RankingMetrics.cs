namespace Chucheon.Evaluation;

/// <summary>Per-user ranking metrics: the single definition used by <see cref="RankingEvaluator"/> (and by anything
/// else that scores a ranked list). Each is a pure function of the ranked list and the user's relevant set; the
/// reported metric is its mean over evaluated users. Definitions follow RecBole (binary relevance); docs/metrics.md
/// has the formulas.</summary>
/// <remarks>
/// The list is described by <c>hits</c>: <c>hits[i]</c> is true when the item at rank <c>i + 1</c> is relevant. It
/// may be shorter than <c>k</c> when fewer candidates were left to rank; missing ranks count as misses. Only the
/// first <c>k</c> entries are read, so one list reduced to the largest cutoff serves every smaller cutoff.
/// A user with no relevant items has no defined value; these functions return 0 for them, and the evaluator skips
/// such users instead of averaging those zeros in.
/// </remarks>
public static class RankingMetrics
{
    /// <summary>Recall@K = hits in the top K / |relevant|.</summary>
    public static double Recall(ReadOnlySpan<bool> hits, int relevantCount, int k) =>
        relevantCount <= 0 ? 0 : (double)CountHits(hits, k) / relevantCount;

    /// <summary>Recall whose denominator is capped at K (hits / min(K, |relevant|)), so a user with more relevant
    /// items than K can still reach 1. Sometimes called "truncated" or "competition" recall.</summary>
    public static double CompetitionRecall(ReadOnlySpan<bool> hits, int relevantCount, int k) =>
        relevantCount <= 0 ? 0 : (double)CountHits(hits, k) / Math.Min(k, relevantCount);

    /// <summary>Precision@K = hits in the top K / K (a list shorter than K still divides by K).</summary>
    public static double Precision(ReadOnlySpan<bool> hits, int relevantCount, int k) =>
        relevantCount <= 0 || k <= 0 ? 0 : (double)CountHits(hits, k) / k;

    /// <summary>Hit@K = 1 when any of the top K is relevant, else 0.</summary>
    public static double Hit(ReadOnlySpan<bool> hits, int relevantCount, int k) =>
        relevantCount > 0 && CountHits(hits, k) > 0 ? 1 : 0;

    /// <summary>Reciprocal rank: 1 / rank of the first relevant item if it is within K, else 0. Its mean is MRR@K.</summary>
    public static double ReciprocalRank(ReadOnlySpan<bool> hits, int relevantCount, int k)
    {
        if (relevantCount <= 0) { return 0; }
        var first = Prefix(hits, k).IndexOf(true);
        return first < 0 ? 0 : 1.0 / (first + 1);
    }

    /// <summary>NDCG@K with binary relevance: DCG = Σ_{i≤K} rel_i / log2(i + 1), divided by the DCG of an ideal list
    /// that puts min(K, |relevant|) relevant items first.</summary>
    public static double Ndcg(ReadOnlySpan<bool> hits, int relevantCount, int k)
    {
        if (relevantCount <= 0) { return 0; }
        var prefix = Prefix(hits, k);
        var dcg = 0.0;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i]) { dcg += Discount(i + 1); }
        }

        return dcg / IdealDcg(Math.Min(k, relevantCount));
    }

    /// <summary>Average precision at K: (1 / min(K, |relevant|)) Σ_{i≤K} precision@i · rel_i. Its mean is MAP@K.
    /// Normalising by min(K, |relevant|) rather than |relevant| (RecBole's choice) lets a perfect top K score 1 even
    /// when the user has more relevant items than K.</summary>
    public static double AveragePrecision(ReadOnlySpan<bool> hits, int relevantCount, int k)
    {
        if (relevantCount <= 0) { return 0; }
        var prefix = Prefix(hits, k);
        var sum = 0.0;
        var found = 0;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i])
            {
                found++;
                sum += (double)found / (i + 1);
            }
        }

        return sum / Math.Min(k, relevantCount);
    }

    /// <summary>Dispatches to the function for <paramref name="metric"/>.</summary>
    public static double Compute(RankingMetric metric, ReadOnlySpan<bool> hits, int relevantCount, int k) => metric switch
    {
        RankingMetric.Recall => Recall(hits, relevantCount, k),
        RankingMetric.CompetitionRecall => CompetitionRecall(hits, relevantCount, k),
        RankingMetric.Precision => Precision(hits, relevantCount, k),
        RankingMetric.Ndcg => Ndcg(hits, relevantCount, k),
        RankingMetric.Hit => Hit(hits, relevantCount, k),
        RankingMetric.Mrr => ReciprocalRank(hits, relevantCount, k),
        RankingMetric.Map => AveragePrecision(hits, relevantCount, k),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown ranking metric."),
    };

    /// <summary>The metric for a ranked item list (best first, no duplicates) and a relevant set.</summary>
    public static double Compute(RankingMetric metric, ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k) =>
        Compute(metric, Hits(ranked, relevant), relevant.Count, k);

    /// <summary>Relevance flags of a ranked list: entry i is true when <c>ranked[i]</c> is in <paramref name="relevant"/>.</summary>
    public static bool[] Hits(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        var hits = new bool[ranked.Length];
        for (var i = 0; i < ranked.Length; i++) { hits[i] = relevant.Contains(ranked[i]); }
        return hits;
    }

    private static ReadOnlySpan<bool> Prefix(ReadOnlySpan<bool> hits, int k) => hits[..Math.Clamp(k, 0, hits.Length)];

    private static int CountHits(ReadOnlySpan<bool> hits, int k) => Prefix(hits, k).Count(true);

    // The evaluator asks for the same discounts and ideal DCGs for every user; tabulating the common ranks saves the
    // logarithms. The table is summed in the same order as the fallback loop, so both give identical values.
    private const int TabulatedRanks = 1024;
    private static readonly double[] IdealDcgTable = BuildIdealDcgTable();

    private static double Discount(int rank) => 1.0 / Math.Log2(rank + 1);

    /// <summary>DCG of a list whose first <paramref name="hits"/> ranks are all relevant.</summary>
    private static double IdealDcg(int hits)
    {
        if (hits < IdealDcgTable.Length) { return IdealDcgTable[hits]; }
        var idcg = IdealDcgTable[^1];
        for (var rank = IdealDcgTable.Length; rank <= hits; rank++) { idcg += Discount(rank); }
        return idcg;
    }

    private static double[] BuildIdealDcgTable()
    {
        var table = new double[TabulatedRanks];
        for (var rank = 1; rank < table.Length; rank++) { table[rank] = table[rank - 1] + Discount(rank); }
        return table;
    }
}
