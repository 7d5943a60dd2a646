using System.Text.Json;
using Chucheon.Experiments.Configuration;
using Chucheon.Experiments.Runs;
using Chucheon.Models;
using Chucheon.TestKit;

namespace Chucheon.Experiments.Tests;

public sealed class ExperimentRunnerTests
{
    private static ExperimentConfig Synthetic(string model, string baseDirectory, bool cache = false) => ExperimentConfig.Parse($"""
        dataset:
          format: synthetic
          users: 200
          items: 300
        split:
          method: leave-one-out
          validation: true
        model:
          name: {model}
        evaluation:
          metrics: [Recall, NDCG, Hit, MRR]
          k: [10, 20]
        output:
          recommendations: true
        cache: {(cache ? "true" : "false")}
        seed: 3
        """, baseDirectory);

    [Fact]
    public void Metrics_json_has_the_shape_tools_rely_on()
    {
        using var temp = new TempDirectory();
        var output = temp.File("run");
        new ExperimentRunner().Run(Synthetic("pop", temp.Path), output);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, RunWriter.MetricsFile)));
        var root = json.RootElement;
        Assert.Equal("synthetic", root.GetProperty("dataset").GetString());
        Assert.Equal("pop", root.GetProperty("model").GetString());
        Assert.Equal("leave-one-out", root.GetProperty("split").GetString());
        foreach (var key in new[] { "Recall@10", "NDCG@10", "Hit@20", "MRR@20" })
        {
            Assert.InRange(root.GetProperty("metrics").GetProperty(key).GetDouble(), 0, 1);
        }

        foreach (var key in new[] { "load_s", "fit_s", "evaluate_s" })
        {
            Assert.True(root.GetProperty("timings").GetProperty(key).GetDouble() >= 0);
        }

        Assert.True(root.GetProperty("peak_memory_mb").GetDouble() > 0);
        Assert.Equal(16, root.GetProperty("fingerprint").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("git_commit").GetString()));
        Assert.Equal(3, root.GetProperty("seed").GetInt32());

        Assert.True(File.Exists(Path.Combine(output, RunWriter.DetailsFile)));
        Assert.True(File.Exists(Path.Combine(output, RunWriter.ConfigFile)));
        Assert.True(File.Exists(Path.Combine(temp.Path, RunWriter.LedgerFile)));
        var recommendations = File.ReadAllLines(Path.Combine(output, RunWriter.RecommendationsFile));
        Assert.Equal("user\trank\titem\tscore", recommendations[0]);
        Assert.Equal(1 + (200 * 10), recommendations.Length);
    }

    [Fact]
    public void The_same_config_gives_the_same_metrics_and_the_cache_changes_nothing()
    {
        using var temp = new TempDirectory();
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = temp.Path;
        try
        {
            var first = new ExperimentRunner().Run(Synthetic("random", temp.Path, cache: true), null);
            var second = new ExperimentRunner().Run(Synthetic("random", temp.Path, cache: true), null);

            Assert.False(first.Details.CacheHit);
            Assert.True(second.Details.CacheHit);
            Assert.Equal(first.Metrics.Fingerprint, second.Metrics.Fingerprint);
            Assert.Equal(first.Metrics.Metrics, second.Metrics.Metrics);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void A_saved_bundle_scores_like_the_fitted_model_without_the_training_data()
    {
        using var temp = new TempDirectory();
        var output = temp.File("run");
        var result = new ExperimentRunner().Run(Synthetic("pop", temp.Path), output);

        var bundle = ModelBundle.Load(Path.Combine(output, RunWriter.ModelFolder));
        int[] users = [0, 5, 17];
        var fitted = Recommendations.Recommend(result.Model, users, result.Split.EvaluationHistory, 10);
        var loaded = Recommendations.Recommend(bundle.Model, users, bundle.History, 10);

        for (var u = 0; u < users.Length; u++) { Assert.Equal(fitted[u], loaded[u]); }
        Assert.Equal(result.Split.Train.Users.RawIds, bundle.Users.RawIds);
    }

    [Fact]
    public void A_predefined_split_reads_three_files_into_one_id_space()
    {
        var folder = SharedData.Folder("ml-1m-lightgcnpp");
        var config = ExperimentConfig.Parse("""
            dataset:
              format: user-item-lists
              path: .
            split:
              method: predefined
              train: train.txt
              valid: valid.txt
              test: test.txt
            model:
              name: pop
            evaluation:
              metrics: [Recall, NDCG]
              k: [20]
            cache: false
            """, folder);

        var result = new ExperimentRunner().Run(config, null);

        Assert.Equal(6039, result.Split.UserCount);
        Assert.Equal(3628, result.Split.ItemCount);
        Assert.Equal(590_733, result.Split.Train.Log.Count);
        Assert.Equal(80_897, result.Split.Validation.Count);
        Assert.Equal(164_848, result.Split.Test.Count);
        Assert.InRange(result.Metrics.Metrics["Recall@20"], 0.05, 0.2);
    }
}
