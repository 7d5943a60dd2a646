namespace Chucheon.Evaluation.Tests;

/// <summary>Small ranked lists whose metric values were worked out by hand; the expected values are written as the
/// fractions of that working so a reader can check them.</summary>
public sealed class RankingMetricsWorkedExampleTests
{
    private const int Precision = 12;

    private static readonly double Log2Of3 = Math.Log2(3);
    private static readonly double Log2Of5 = Math.Log2(5);

    // Ranks 1 and 3 relevant, 3 relevant items in all, K = 5.
    private static readonly bool[] HitsAt1And3 = [true, false, true, false, false];

    [Fact]
    public void Hits_at_ranks_1_and_3_of_three_relevant()
    {
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(HitsAt1And3, 3, 5), Precision);
        Assert.Equal(2.0 / 3, RankingMetrics.CompetitionRecall(HitsAt1And3, 3, 5), Precision);
        Assert.Equal(2.0 / 5, RankingMetrics.Precision(HitsAt1And3, 3, 5), Precision);
        Assert.Equal(1.0, RankingMetrics.Hit(HitsAt1And3, 3, 5));
        Assert.Equal(1.0, RankingMetrics.ReciprocalRank(HitsAt1And3, 3, 5));

        // DCG = 1/log2(2) + 1/log2(4) = 3/2; ideal puts 3 hits first: 1 + 1/log2(3) + 1/2.
        Assert.Equal(1.5 / (1.5 + (1 / Log2Of3)), RankingMetrics.Ndcg(HitsAt1And3, 3, 5), Precision);

        // AP = (P@1 + P@3) / min(5, 3) = (1/1 + 2/3) / 3 = 5/9.
        Assert.Equal(5.0 / 9, RankingMetrics.AveragePrecision(HitsAt1And3, 3, 5), Precision);
    }

    [Fact]
    public void Smaller_cutoff_reads_only_the_prefix()
    {
        // K = 2: only rank 1 counts. Ideal DCG over min(2, 3) = 2 hits: 1 + 1/log2(3).
        Assert.Equal(1.0 / 3, RankingMetrics.Recall(HitsAt1And3, 3, 2), Precision);
        Assert.Equal(1.0 / 2, RankingMetrics.CompetitionRecall(HitsAt1And3, 3, 2), Precision);
        Assert.Equal(1.0 / 2, RankingMetrics.Precision(HitsAt1And3, 3, 2), Precision);
        Assert.Equal(1.0 / (1 + (1 / Log2Of3)), RankingMetrics.Ndcg(HitsAt1And3, 3, 2), Precision);
        Assert.Equal(1.0 / 2, RankingMetrics.AveragePrecision(HitsAt1And3, 3, 2), Precision);
    }

    [Fact]
    public void First_hit_at_rank_2_of_two_relevant()
    {
        bool[] hits = [false, true, false, true];

        // K = 3: one hit at rank 2.
        Assert.Equal(1.0 / 2, RankingMetrics.Recall(hits, 2, 3), Precision);
        Assert.Equal(1.0 / 3, RankingMetrics.Precision(hits, 2, 3), Precision);
        Assert.Equal(1.0 / 2, RankingMetrics.ReciprocalRank(hits, 2, 3), Precision);
        Assert.Equal((1 / Log2Of3) / (1 + (1 / Log2Of3)), RankingMetrics.Ndcg(hits, 2, 3), Precision);
        Assert.Equal((1.0 / 2) / 2, RankingMetrics.AveragePrecision(hits, 2, 3), Precision); // (P@2) / min(3, 2) = 1/4

        // K = 4: hits at ranks 2 and 4; AP = (1/2 + 2/4) / 2 = 1/2.
        Assert.Equal(1.0, RankingMetrics.Recall(hits, 2, 4), Precision);
        Assert.Equal(1.0 / 2, RankingMetrics.AveragePrecision(hits, 2, 4), Precision);
        Assert.Equal(((1 / Log2Of3) + (1 / Log2Of5)) / (1 + (1 / Log2Of3)), RankingMetrics.Ndcg(hits, 2, 4), Precision);
    }

    [Fact]
    public void More_relevant_items_than_k_caps_the_normalisers_at_k()
    {
        bool[] hits = [true, true];
        Assert.Equal(2.0 / 10, RankingMetrics.Recall(hits, 10, 2), Precision);
        Assert.Equal(1.0, RankingMetrics.CompetitionRecall(hits, 10, 2), Precision);
        Assert.Equal(1.0, RankingMetrics.AveragePrecision(hits, 10, 2), Precision); // (1 + 1) / min(2, 10)
        Assert.Equal(1.0, RankingMetrics.Ndcg(hits, 10, 2), Precision);
    }

    [Fact]
    public void A_list_shorter_than_k_counts_missing_ranks_as_misses()
    {
        bool[] hits = [true];
        Assert.Equal(1.0 / 5, RankingMetrics.Precision(hits, 1, 5), Precision);
        Assert.Equal(1.0, RankingMetrics.Recall(hits, 1, 5), Precision);
        Assert.Equal(1.0, RankingMetrics.Ndcg(hits, 1, 5), Precision);
    }

    [Fact]
    public void Ndcg_beyond_the_tabulated_ranks_matches_the_formula()
    {
        const int Relevant = 1500;
        var allHits = Enumerable.Repeat(true, Relevant).ToArray();
        Assert.Equal(1.0, RankingMetrics.Ndcg(allHits, Relevant, Relevant), 12);

        var idcg = Enumerable.Range(1, Relevant).Sum(rank => 1 / Math.Log2(rank + 1));
        bool[] firstOnly = [true];
        Assert.Equal(1 / idcg, RankingMetrics.Ndcg(firstOnly, Relevant, Relevant), 12);
    }

    [Fact]
    public void No_hits_scores_zero_everywhere()
    {
        bool[] hits = [false, false, false];
        foreach (var metric in Enum.GetValues<RankingMetric>())
        {
            Assert.Equal(0.0, RankingMetrics.Compute(metric, hits, 1, 3));
        }
    }

    [Fact]
    public void Item_list_overload_matches_the_hit_flags()
    {
        int[] ranked = [7, 3, 9, 1, 4];
        var relevant = new HashSet<int> { 7, 9, 42 };
        Assert.Equal(5.0 / 9, RankingMetrics.Compute(RankingMetric.Map, ranked, relevant, 5), Precision);
        Assert.Equal(2.0 / 3, RankingMetrics.Compute(RankingMetric.Recall, ranked, relevant, 5), Precision);
        Assert.Equal(HitsAt1And3, RankingMetrics.Hits(ranked, relevant));
    }
}
