using System.Diagnostics;
using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Evaluation;
using Chucheon.Models;

namespace Chucheon.Harness;

/// <summary>End-to-end timing of classic models on a LightGCN-format split:
/// <c>dotnet run -c Release --project bench/Chucheon.Harness -- classic --data DIR --models ease,itemknn</c>.
/// Options: <c>--eval test|valid</c> (target file, default test), <c>--k 20</c>, <c>--threads N</c>,
/// <c>--memory-limit-gb 8</c>, <c>--verbose</c> (fit stage times), <c>--exclude-valid</c> (leave validation items out of the test ranking), <c>--fit-on-train-valid</c>, and <c>--set alias.key=v1|v2|...</c> (repeatable; several values form a grid).
/// The alias <c>pop</c> is a built-in popularity baseline unless a registered model has that alias.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "classic")
        {
            Console.Error.WriteLine("usage: classic --data DIR --models ease,itemknn[,userknn,pop] [--eval test|valid] [--k 20] [--threads N] [--memory-limit-gb G] [--set alias.key=v1|v2]");
            return 2;
        }

        string? data = null;
        var models = new List<string>();
        var target = "test";
        var k = 20;
        var threads = Environment.ProcessorCount;
        var memoryLimit = 8L << 30;
        var settings = new List<(string Alias, string Key, string[] Values)>();
        var verbose = false;
        var excludeValid = false;
        var fitOnTrainValid = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--verbose") { verbose = true; continue; }
            if (args[i] == "--exclude-valid") { excludeValid = true; continue; }
            if (args[i] == "--fit-on-train-valid") { fitOnTrainValid = true; continue; }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i++])
            {
                case "--data": data = value; break;
                case "--models": models.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--eval": target = value; break;
                case "--k": k = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--memory-limit-gb": memoryLimit = (long)(double.Parse(value, CultureInfo.InvariantCulture) * (1L << 30)); break;
                case "--set":
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    var dot = value.IndexOf('.', StringComparison.Ordinal);
                    if (eq < 0 || dot < 0 || dot > eq) { throw new ArgumentException($"--set expects alias.key=value, got '{value}'."); }
                    settings.Add((value[..dot], value[(dot + 1)..eq], value[(eq + 1)..].Split('|')));
                    break;
                default: throw new ArgumentException($"Unknown option {args[i - 1]}.");
            }
        }

        if (data is null || models.Count == 0) { throw new ArgumentException("--data and --models are required."); }

        var load = Stopwatch.StartNew();
        var split = AdjacencyListData.Load(data);
        var relevant = target == "valid" ? split.Valid : split.Test;
        var train = fitOnTrainValid ? split.TrainWithValid() : split.Train;
        // What the ranking leaves out: the fitted history, plus validation items when asked (they are known
        // positives, not test items).
        var excluded = excludeValid && !fitOnTrainValid ? train.UserItems.Union(split.Valid) : train.UserItems;
        Console.WriteLine($"# {train} (loaded in {load.Elapsed.TotalSeconds:F2}s); target {target}.txt; fit on {(fitOnTrainValid ? "train+valid" : "train")}; excluded from ranking: {(fitOnTrainValid || excludeValid ? "train+valid" : "train")}; {threads} threads; {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine($"# load average at start: {LoadAverage()}");
        Console.WriteLine("| model | options | fit s (cpu s) | score+top-" + k + " s (cpu s) | Recall@" + k + " | NDCG@" + k + " | users | peak working set MB |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");

        var stage = Stopwatch.StartNew();
        var context = new FitContext
        {
            Threads = threads,
            MemoryLimitBytes = memoryLimit,
            Progress = verbose ? new SynchronousProgress(p => Console.WriteLine($"#   {stage.Elapsed.TotalSeconds,7:F2}s {p.Stage} {p.Step}/{p.Total} {p.Detail}")) : null,
        };
        var allUsers = Enumerable.Range(0, train.UserCount).ToArray();
        foreach (var alias in models)
        {
            foreach (var options in Grid(settings.Where(s => s.Alias == alias).ToList()))
            {
                var label = string.Join(" ", options.Select(o => $"{o.Key}={o.Value}"));
                IItemScorer scorer;
                var fitCpu = CpuSeconds();
                var fit = Stopwatch.StartNew();
                stage.Restart();
                try
                {
                    if (alias == "pop" && !ModelRegistry.All.Any(r => r.Alias == "pop"))
                    {
                        scorer = new PopularityScorer(train);
                    }
                    else
                    {
                        var model = ModelRegistry.Create(alias, options);
                        model.Fit(train, context);
                        scorer = model;
                        label = string.Join(" ", OptionsBinder.Describe(model.Options).Select(o => $"{o.Key}={o.Value}"));
                    }
                }
                catch (Exception e) when (e is InsufficientMemoryException or OptionsException)
                {
                    Console.WriteLine($"| {alias} | {label} | refused | | | | | {PeakMb()} |");
                    Console.WriteLine($"#   {e.Message}");
                    continue;
                }

                var fitSeconds = fit.Elapsed.TotalSeconds;
                fitCpu = CpuSeconds() - fitCpu;
                var scoreCpu = CpuSeconds();
                var score = Stopwatch.StartNew();
                var top = excluded == train.UserItems
                    ? Recommendations.Recommend(scorer, allUsers, train.UserItems, k)
                    : RecommendExcluding(scorer, allUsers, train.UserItems, excluded, k);
                var scoreSeconds = score.Elapsed.TotalSeconds;
                scoreCpu = CpuSeconds() - scoreCpu;
                var (recall, ndcg, users) = RankingMetrics.Compute(top, relevant, k);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {alias} | {label} | {fitSeconds:F2} ({fitCpu:F2}) | {scoreSeconds:F2} ({scoreCpu:F2}) | {recall:F4} | {ndcg:F4} | {users} | {PeakMb()} |"));
                scorer = null!;
                GC.Collect();
            }
        }

        return 0;
    }

    // Scores from the fitted history, but leaves out a wider set of items (Recommend excludes its history argument).
    private static ScoredItem[][] RecommendExcluding(IItemScorer scorer, int[] users, Chucheon.Data.CsrMatrix history,
        Chucheon.Data.CsrMatrix excluded, int k)
    {
        var wide = Recommendations.Recommend(scorer, users, history, k + 200);
        return wide.Select((list, u) => list.Where(s => !excluded.Contains(users[u], s.Item)).Take(k).ToArray()).ToArray();
    }

    private static IEnumerable<Dictionary<string, object?>> Grid(List<(string Alias, string Key, string[] Values)> settings)
    {
        IEnumerable<Dictionary<string, object?>> grid = [new Dictionary<string, object?>()];
        foreach (var (_, key, values) in settings)
        {
            grid = grid.SelectMany(g => values.Select(v => new Dictionary<string, object?>(g) { [key] = v }));
        }

        return grid;
    }

    // Progress<T> posts to the thread pool; stage timings need the report printed when it happens.
    private sealed class SynchronousProgress(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }

    // Other jobs may share the machine: CPU seconds of this process, next to wall time, show what the work costs.
    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static long PeakMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 >> 20;
    }
}
