using Chucheon.Data;
using Chucheon.Evaluation.Continual;

namespace Chucheon.Evaluation.Tests.Continual;

/// <summary>The rank-only shortcut of <see cref="ContinualTaskMetrics"/> must give what <see cref="RankingMetrics"/>
/// gives on the fully sorted list, so continual numbers mean the same as every other ranking number in Chucheon.</summary>
public sealed class ContinualTaskMetricsAgreementTests
{
    [Fact]
    public void AgreesWithRankingMetricsOnASortedListForRandomRows()
    {
        var random = new SeededRandom(2023);
        for (var trial = 0; trial < 300; trial++)
        {
            var labels = 1 + random.NextInt(40);
            // Few distinct values, so ties are common and the lower-id rule is exercised.
            var scores = Enumerable.Range(0, labels).Select(_ => (float)random.NextInt(6)).ToArray();
            var relevant = Enumerable.Range(0, labels).Where(_ => random.NextInt(4) == 0).ToArray();
            if (relevant.Length == 0) { relevant = [random.NextInt(labels)]; }

            var order = Enumerable.Range(0, labels).OrderByDescending(j => scores[j]).ThenBy(j => j).ToArray();
            var hits = order.Select(j => relevant.Contains(j)).ToArray();
            foreach (var k in new[] { 1, 5, 20 })
            {
                Assert.Equal(RankingMetrics.Hit(hits, relevant.Length, k), ContinualTaskMetrics.HitRate(scores, relevant, k));
                Assert.Equal(RankingMetrics.ReciprocalRank(hits, relevant.Length, k), ContinualTaskMetrics.ReciprocalRank(scores, relevant, k), 12);
            }
        }
    }
}
