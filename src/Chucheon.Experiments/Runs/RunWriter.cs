using System.Globalization;
using System.Text;
using System.Text.Json;
using Chucheon.Data;
using Chucheon.Experiments.Configuration;
using Chucheon.Models;

namespace Chucheon.Experiments.Runs;

/// <summary>Writes a run's files: metrics.json, run.json, config.json, the model bundle, the optional
/// recommendations file, and one line in the run ledger (<c>runs.jsonl</c> beside the output folder).</summary>
public static class RunWriter
{
    public const string MetricsFile = "metrics.json";
    public const string DetailsFile = "run.json";
    public const string ConfigFile = "config.json";
    public const string ModelFolder = "model";
    public const string RecommendationsFile = "recommendations.tsv";
    public const string LedgerFile = "runs.jsonl";

    public static void Write(string directory, ExperimentConfig config, RunMetrics metrics, RunDetails details, IRecommender model, DataSplit split, CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, MetricsFile), JsonSerializer.Serialize(metrics, RunJson.Options));
        File.WriteAllText(Path.Combine(directory, DetailsFile), JsonSerializer.Serialize(details, RunJson.Options));
        File.WriteAllText(Path.Combine(directory, ConfigFile), JsonSerializer.Serialize(config.Raw, RunJson.Options));
        if (config.Output.SaveModel)
        {
            var modelDirectory = Path.Combine(directory, ModelFolder);
            if (Directory.Exists(modelDirectory)) { Directory.Delete(modelDirectory, recursive: true); }
            new ModelBundle(model, split.Train.Users, split.Train.Items, split.EvaluationHistory).Save(modelDirectory);
        }

        if (config.Output.Recommendations)
        {
            WriteRecommendations(Path.Combine(directory, RecommendationsFile), model, split, config.Output.RecommendationsK, cancellation);
        }

        var ledger = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(directory))!, LedgerFile);
        var line = JsonSerializer.Serialize(new { output = Path.GetFullPath(directory), name = details.Name, started_at = details.StartedAt, metrics }, RunJson.Compact);
        File.AppendAllText(ledger, line + Environment.NewLine);
    }

    /// <summary>Top-K for every user with test interactions: <c>user \t rank \t item \t score</c>, raw ids.</summary>
    private static void WriteRecommendations(string path, IRecommender model, DataSplit split, int k, CancellationToken cancellation)
    {
        var users = split.Test.Users.Distinct().Order().ToArray();
        var history = split.EvaluationHistory;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("user\trank\titem\tscore");
        const int chunk = 4096;
        for (var start = 0; start < users.Length; start += chunk)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = users.AsSpan(start, Math.Min(chunk, users.Length - start));
            var lists = Recommendations.Recommend(model, batch, history, k);
            for (var u = 0; u < batch.Length; u++)
            {
                var rawUser = split.Train.Users.GetRaw(batch[u]);
                for (var r = 0; r < lists[u].Length; r++)
                {
                    writer.Write(rawUser);
                    writer.Write('\t');
                    writer.Write((r + 1).ToString(CultureInfo.InvariantCulture));
                    writer.Write('\t');
                    writer.Write(split.Train.Items.GetRaw(lists[u][r].Item));
                    writer.Write('\t');
                    writer.WriteLine(lists[u][r].Score.ToString("G6", CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
