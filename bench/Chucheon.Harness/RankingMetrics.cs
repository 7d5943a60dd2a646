using Chucheon.Data;
using Chucheon.Models;

namespace Chucheon.Harness;

/// <summary>Recall@K (hits / |relevant|) and NDCG@K (binary gains, ideal DCG over min(K, |relevant|)), averaged over
/// users with at least one relevant item — the LightGCN convention. Kept simple until the evaluator lands.</summary>
internal static class RankingMetrics
{
    public static (double Recall, double Ndcg, int Users) Compute(ScoredItem[][] recommendations, CsrMatrix relevant, int k)
    {
        double recall = 0, ndcg = 0;
        var users = 0;
        for (var u = 0; u < relevant.Rows && u < recommendations.Length; u++)
        {
            var truth = relevant.RowIndices(u);
            if (truth.IsEmpty) { continue; }

            users++;
            var list = recommendations[u];
            double dcg = 0, ideal = 0;
            var hits = 0;
            for (var r = 0; r < Math.Min(k, list.Length); r++)
            {
                if (truth.BinarySearch(list[r].Item) >= 0)
                {
                    hits++;
                    dcg += 1.0 / Math.Log2(r + 2);
                }
            }

            for (var r = 0; r < Math.Min(k, truth.Length); r++) { ideal += 1.0 / Math.Log2(r + 2); }
            recall += (double)hits / truth.Length;
            ndcg += dcg / ideal;
        }

        return users == 0 ? (0, 0, 0) : (recall / users, ndcg / users, users);
    }
}
