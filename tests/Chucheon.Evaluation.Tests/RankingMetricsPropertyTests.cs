using FsCheck.Xunit;

namespace Chucheon.Evaluation.Tests;

/// <summary>Invariants every per-user ranking metric must satisfy, over random ranked lists drawn from FsCheck seeds.</summary>
public sealed class RankingMetricsPropertyTests
{
    private const double Tolerance = 1e-12;

    /// <summary>A random ranked list over a small catalog and a non-empty relevant set.</summary>
    private sealed record Case(int[] Ranked, HashSet<int> Relevant, int K)
    {
        public bool[] Hits => RankingMetrics.Hits(Ranked, Relevant);

        public static Case From(int seed)
        {
            var random = new Random(seed);
            var catalog = random.Next(1, 40);
            var items = Enumerable.Range(0, catalog).OrderBy(_ => random.Next()).ToArray();
            var ranked = items[..random.Next(0, catalog + 1)];
            var relevant = items.Where(_ => random.NextDouble() < 0.3).ToHashSet();
            if (relevant.Count == 0) { relevant.Add(items[random.Next(catalog)]); }
            return new Case(ranked, relevant, random.Next(1, catalog + 5));
        }
    }

    [Property(MaxTest = 300)]
    public bool Every_metric_lies_in_the_unit_interval(int seed)
    {
        var c = Case.From(seed);
        return Enum.GetValues<RankingMetric>().All(m =>
        {
            var v = RankingMetrics.Compute(m, c.Hits, c.Relevant.Count, c.K);
            return v is >= 0 and <= 1 + Tolerance;
        });
    }

    [Property(MaxTest = 300)]
    public bool A_perfect_ranking_scores_one(int seed)
    {
        var c = Case.From(seed);
        var perfect = c.Relevant.Concat(Enumerable.Range(1000, c.K)).ToArray();
        var hits = RankingMetrics.Hits(perfect, c.Relevant);
        var rel = c.Relevant.Count;
        bool IsOne(RankingMetric m) => Math.Abs(RankingMetrics.Compute(m, hits, rel, c.K) - 1) < Tolerance;
        return IsOne(RankingMetric.Ndcg) && IsOne(RankingMetric.Mrr) && IsOne(RankingMetric.Hit)
            && IsOne(RankingMetric.Map) && IsOne(RankingMetric.CompetitionRecall)
            && (c.K < rel || IsOne(RankingMetric.Recall));
    }

    [Property(MaxTest = 300)]
    public bool Recall_and_hit_never_decrease_with_k(int seed)
    {
        var c = Case.From(seed);
        var hits = c.Hits;
        for (var k = 1; k < c.K + 3; k++)
        {
            foreach (var m in (RankingMetric[])[RankingMetric.Recall, RankingMetric.Hit])
            {
                if (RankingMetrics.Compute(m, hits, c.Relevant.Count, k + 1) + Tolerance < RankingMetrics.Compute(m, hits, c.Relevant.Count, k))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool Precision_times_k_equals_recall_times_relevant(int seed)
    {
        var c = Case.From(seed);
        var hits = c.Hits;
        var rel = c.Relevant.Count;
        var precisionTimesK = RankingMetrics.Precision(hits, rel, c.K) * c.K;
        var recallTimesRel = RankingMetrics.Recall(hits, rel, c.K) * rel;
        return Math.Abs(precisionTimesK - recallTimesRel) < 1e-9;
    }
}
