using System.Globalization;
using Chucheon.Experiments.Configuration;
using Chucheon.Experiments.Runs;
using Chucheon.TestKit;

namespace Chucheon.Experiments.Tests;

/// <summary>Issue 2's acceptance check: Popularity with leave-one-out full ranking on ml-100k, computed once by the
/// framework and once here by plain LINQ over u.data, with no Chucheon data structures.</summary>
public sealed class PopularityHandComputationTests
{
    [Fact]
    public void Framework_metrics_match_an_independent_computation_on_ml100k()
    {
        var folder = SharedData.Folder("ml-100k");
        var config = ExperimentConfig.Parse($"""
            dataset:
              format: movielens-100k
              path: {folder}
            split:
              method: leave-one-out
              validation: true
            model:
              name: pop
            evaluation:
              metrics: [Recall, NDCG]
              k: [10]
            cache: false
            """, folder);
        var framework = new ExperimentRunner().Run(config, outputDirectory: null).Metrics.Metrics;

        var (recall, ndcg) = ComputeByHand(Path.Combine(folder, "u.data"), k: 10);

        Assert.Equal(recall, framework["Recall@10"], precision: 10);
        Assert.Equal(ndcg, framework["NDCG@10"], precision: 10);
        Assert.InRange(recall, 0.01, 0.2);
    }

    private static (double Recall, double Ndcg) ComputeByHand(string uData, int k)
    {
        var rows = File.ReadLines(uData)
            .Select((line, index) => (Fields: line.Split('\t'), Index: index))
            .Select(r => (User: r.Fields[0], Item: r.Fields[1], Time: long.Parse(r.Fields[3], CultureInfo.InvariantCulture), r.Index))
            .ToList();

        // Items are ranked by popularity; equal popularity goes to the item that appeared first in the file.
        var firstSeen = new Dictionary<string, int>();
        foreach (var r in rows) { firstSeen.TryAdd(r.Item, firstSeen.Count); }

        var perUser = rows.GroupBy(r => r.User)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Time).ThenBy(r => r.Index).Select(r => r.Item).ToList());
        var train = perUser.ToDictionary(p => p.Key, p => p.Value.Take(p.Value.Count - 2).ToHashSet());
        var validation = perUser.ToDictionary(p => p.Key, p => p.Value[^2]);
        var test = perUser.ToDictionary(p => p.Key, p => p.Value[^1]);

        var popularity = train.SelectMany(t => t.Value).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        var ranking = firstSeen.Keys
            .OrderByDescending(i => popularity.GetValueOrDefault(i))
            .ThenBy(i => firstSeen[i])
            .ToList();

        double recallSum = 0, ndcgSum = 0;
        foreach (var user in perUser.Keys)
        {
            var top = ranking.Where(i => !train[user].Contains(i) && i != validation[user]).Take(k).ToList();
            var position = top.IndexOf(test[user]);
            if (position >= 0)
            {
                recallSum += 1;
                ndcgSum += 1 / Math.Log2(position + 2);
            }
        }

        return (recallSum / perUser.Count, ndcgSum / perUser.Count);
    }
}
