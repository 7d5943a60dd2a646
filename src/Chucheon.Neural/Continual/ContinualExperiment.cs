using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Chucheon.Configuration;
using Chucheon.Data.Continual;
using Chucheon.Evaluation.Continual;
using Chucheon.Neural.Runtime;

namespace Chucheon.Neural.Continual;

/// <summary>One measured method on one scenario: its matrix, every final metric and what it cost.</summary>
/// <param name="Valid">The same protocol on the validation users (null when the method fills no validation matrix,
/// e.g. SinMo and MTL, whose rows are not sequential): the numbers to choose hyperparameters on.</param>
public sealed record ContinualMethodRun(ContinualRun Run, IReadOnlyList<TaskScore> FinalScores, double WallSeconds, double CpuSeconds, double TrainSeconds, long RetentionRows,
    ContinualRun? Valid = null);

/// <summary>Everything one <c>chucheon continual</c> invocation produced.</summary>
/// <param name="Seeds">The training seeds when the comparison was repeated per seed (<see cref="ContinualModelOptions.Seeds"/>);
/// null for a single run.</param>
public sealed record ContinualExperimentResult(IReadOnlyList<ContinualMethodRun> Runs, IReadOnlyDictionary<string, string> Fingerprints, double WallSeconds, double CpuSeconds,
    IReadOnlyList<DownstreamScores> Downstream, IReadOnlyList<int>? Seeds = null);

/// <summary>The whole continual comparison from one config (sections <c>continual</c> for the stream and
/// <c>continual_model</c> for the backbone and methods): every method on every scenario (original order, reversed
/// order, noisy task inserted), then <c>continual.md</c>, <c>continual.png</c> and <c>continual.json</c>.</summary>
public static class ContinualExperiment
{
    /// <summary>The mean-and-spread summary written when several seeds are run.</summary>
    public const string SeedsFileName = "continual-seeds.md";

    private static readonly HashSet<string> TopLevelKeys = ["task", "name", "continual", "continual_model"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static ContinualExperimentResult Run(IReadOnlyDictionary<string, object?> root, string baseDirectory, string? outputDirectory, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var key in root.Keys)
        {
            if (!TopLevelKeys.Contains(key)) { throw new OptionsException(key, $"unknown key. Known keys: {string.Join(", ", TopLevelKeys.Order())}."); }
        }

        var streamOptions = ContinualOptionsBinding.Bind(Section(root, "continual", required: true), "continual");
        var modelOptions = OptionsBinder.Bind<ContinualModelOptions>(Section(root, "continual_model", required: false), "continual_model");
        var built = ContinualStreams.Build(streamOptions, baseDirectory);
        return modelOptions.Seeds.Length == 0
            ? Run(built.Stream, streamOptions.Seed, modelOptions, outputDirectory, log)
            : RunSeeds(built.Stream, streamOptions.Seed, modelOptions, outputDirectory, log);
    }

    /// <summary>The whole comparison once per training seed in <see cref="ContinualModelOptions.Seeds"/> (reports in
    /// <c>seed-N/</c>), then <see cref="SeedsFileName"/> with the mean and spread over seeds. Returns every seed's runs.</summary>
    public static ContinualExperimentResult RunSeeds(TaskStream stream, long streamSeed, ContinualModelOptions options, string? outputDirectory, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Seeds.Length == 0) { throw new OptionsException("continual_model.seeds", "list at least one seed."); }
        var records = new List<ContinualRecord>();
        var results = new List<ContinualExperimentResult>();
        var originalSeed = options.Seed;
        try
        {
            foreach (var seed in options.Seeds)
            {
                options.Seed = seed;
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"seed {seed}"));
                var result = Run(stream, streamSeed, options, outputDirectory is null ? null : Path.Combine(outputDirectory, $"seed-{seed}"), log);
                results.Add(result);
                records.Add(ContinualRecord.Of(seed, result));
                if (outputDirectory is not null)
                {
                    // Rewritten after every seed, so a stopped run keeps the summary of the seeds it finished.
                    Directory.CreateDirectory(outputDirectory);
                    File.WriteAllText(Path.Combine(outputDirectory, SeedsFileName), ContinualRecord.Summarise(records));
                }
            }
        }
        finally
        {
            options.Seed = originalSeed;
        }

        return new ContinualExperimentResult([.. results.SelectMany(r => r.Runs)], results[0].Fingerprints, results.Sum(r => r.WallSeconds), results.Sum(r => r.CpuSeconds),
            [.. results.SelectMany(r => r.Downstream)], options.Seeds);
    }

    /// <summary>Runs the configured methods and scenarios on <paramref name="stream"/> (its order is "original").</summary>
    public static ContinualExperimentResult Run(TaskStream stream, long seed, ContinualModelOptions options, string? outputDirectory, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Scenarios.Contains("noisy") && options.NoisyPosition > stream.Count + 1)
        {
            throw new OptionsException("continual_model.noisy_position", $"must be in 1..{stream.Count + 1} for {stream.Count} tasks (got {options.NoisyPosition}).");
        }

        ContinualTask? downstreamTask = null;
        if (options.Downstream.Length > 0)
        {
            downstreamTask = stream.TaskNames.Contains(options.Downstream) ? stream[options.Downstream]
                : throw new OptionsException("continual_model.downstream", $"the stream has no task '{options.Downstream}' ({string.Join(", ", stream.TaskNames)}).");
            if (!downstreamTask.IsItemTask) { throw new OptionsException("continual_model.downstream", $"'{options.Downstream}' is not an item task."); }
        }

        var downstream = new List<DownstreamScores>();
        var ncfDim = Math.Max(1, options.Dim / 2);
        TorchRuntime.PrepareNativeEnvironment();
        TorchRuntime.SetThreads(options.Threads == 0 ? null : options.Threads);
        var device = TorchRuntime.ResolveDevice(options.Device);
        var process = Process.GetCurrentProcess();
        var totalCpu = process.TotalProcessorTime;
        var totalWatch = Stopwatch.StartNew();
        var singleTask = new Dictionary<string, TaskScore>(StringComparer.Ordinal);
        var runs = new List<ContinualMethodRun>();
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        // SinMo first: its scores are every other method's forward-transfer reference.
        var methods = options.Methods.OrderBy(m => m == SinMoLearner.Alias ? 0 : 1).ToArray();
        foreach (var scenario in options.Scenarios)
        {
            var scenarioStream = scenario switch
            {
                "original" => stream,
                "reversed" => stream.Reversed(),
                "noisy" => stream.WithNoisyTask(options.NoisyPosition, seed + 101),
                _ => throw new OptionsException("continual_model.scenarios", $"unknown scenario '{scenario}'."),
            };
            fingerprints[scenario] = scenarioStream.Fingerprint();
            var scenarioRuns = new List<(string Alias, ContinualMethodRun Run)>();
            foreach (var alias in methods)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                using var learner = ContinualMethods.Create(alias, scenarioStream, options, device, singleTask);
                learner.Log = log;
                var matrix = learner.Run();
                process.Refresh();
                var retention = learner is TeraconLearner teracon ? teracon.RetentionRows : 0;
                var run = new ContinualMethodRun(new ContinualRun(learner.Name, scenario, matrix, null), learner.FinalScores,
                    watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, learner.TrainSeconds, retention,
                    learner.ValidMatrix.IsComplete ? new ContinualRun(learner.Name, scenario, learner.ValidMatrix, null) : null);
                log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{learner.Name} / {scenario}: average {run.Run.Summary.AveragePerformance:F4}, {run.WallSeconds:F0} s wall, {run.CpuSeconds:F0} s CPU"));
                scenarioRuns.Add((alias, run));
                if (downstreamTask is not null && scenario == "original" && alias != SinMoLearner.Alias)
                {
                    using var representation = learner.UserRepresentations(stream.Count - 1);
                    downstream.Add(DownstreamNcf.Run(learner.Name, downstreamTask, representation, ncfDim, options.DownstreamEpochs, options.Seed, device));
                }
            }

            var reference = scenarioStream.TaskNames.All(singleTask.ContainsKey)
                ? scenarioStream.TaskNames.Select(n => singleTask[n].Primary).ToArray()
                : null;
            runs.AddRange(scenarioRuns.Select(r => r.Run with { Run = r.Run.Run with { SingleTask = reference } }));
            if (scenario != options.Scenarios[^1])
            {
                // A long run that is stopped still leaves every finished scenario's report behind.
                process.Refresh();
                Write(outputDirectory, stream, seed, options, new ContinualExperimentResult([.. runs], fingerprints, totalWatch.Elapsed.TotalSeconds,
                    (process.TotalProcessorTime - totalCpu).TotalSeconds, [.. downstream]));
            }
        }

        if (downstreamTask is not null)
        {
            downstream.Insert(0, DownstreamNcf.Run("random", downstreamTask, null, ncfDim, options.DownstreamEpochs, options.Seed, device));
        }

        process.Refresh();
        var result = new ContinualExperimentResult(runs, fingerprints, totalWatch.Elapsed.TotalSeconds, (process.TotalProcessorTime - totalCpu).TotalSeconds, downstream);
        Write(outputDirectory, stream, seed, options, result);
        return result;
    }

    private static void Write(string? outputDirectory, TaskStream stream, long streamSeed, ContinualModelOptions options, ContinualExperimentResult result)
    {
        if (outputDirectory is null) { return; }
        Directory.CreateDirectory(outputDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, "continual.md"), Render(stream, options, result));
        ContinualChart.WritePng(Path.Combine(outputDirectory, "continual.png"), [.. result.Runs.Select(r => r.Run)]);
        File.WriteAllText(Path.Combine(outputDirectory, "continual.json"), JsonSerializer.Serialize(ToRecord(streamSeed, options, result), Json));
    }

    /// <summary>The markdown report: stream, the shared overview and matrices, every final metric, and the costs.</summary>
    public static string Render(TaskStream stream, ContinualModelOptions options, ContinualExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append(ContinualMarkdownReport.Render([.. result.Runs.Select(r => r.Run)]));
        sb.Append(RenderValidation(result));
        sb.Append("## Stream\n\n").Append(stream.Summary()).Append('\n');
        sb.Append("Fingerprints: ").Append(string.Join(", ", result.Fingerprints.Select(f => $"{f.Key} `{f.Value}`"))).Append(".\n\n");
        sb.Append("Options: ").Append(string.Join(", ", OptionsBinder.Describe(options).Select(kv => $"{kv.Key}={Describe(kv.Value)}"))).Append(".\n\n");
        sb.Append("## Final metrics (test users, after the last task)\n\n");
        sb.Append("| method | scenario | task | MRR@5 | HR@5 | HR@20 | accuracy |\n|---|---|---|---:|---:|---:|---:|\n");
        foreach (var run in result.Runs)
        {
            foreach (var s in run.FinalScores)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"| {run.Run.Method} | {run.Run.Scenario} | {s.Task} | {Number(s.Mrr5)} | {Number(s.Hr5)} | {Number(s.Hr20)} | {Number(s.Accuracy)} |\n");
            }
        }

        if (result.Downstream.Count > 0)
        {
            var d0 = result.Downstream[0];
            sb.Append(CultureInfo.InvariantCulture,
                $"\n## Downstream NCF on {options.Downstream} (user embeddings from the representation after the original order; {d0.WarmUsers} warm / {d0.ColdUsers} cold test users, cold = fewer than {DownstreamNcf.ColdBelow} training items)\n\n");
            sb.Append("| user init | warm HR@1 | warm HR@5 | warm HR@10 | cold HR@1 | cold HR@5 | cold HR@10 |\n|---|---:|---:|---:|---:|---:|---:|\n");
            foreach (var d in result.Downstream)
            {
                sb.Append("| ").Append(d.Representation).Append(" |")
                    .Append(string.Concat(d.WarmHit.Concat(d.ColdHit).Select(v => $" {Number(v)} |"))).Append('\n');
            }
        }

        sb.Append("\n## Cost\n\n| method | scenario | wall s | CPU s | training s | retention rows |\n|---|---|---:|---:|---:|---:|\n");
        foreach (var run in result.Runs)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {run.Run.Method} | {run.Run.Scenario} | {run.WallSeconds:F0} | {run.CpuSeconds:F0} | {run.TrainSeconds:F0} | {run.RetentionRows} |\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\nTotal: {result.WallSeconds:F0} s wall, {result.CpuSeconds:F0} s CPU. SinMo trains each task once and shares it across scenarios, so its later scenarios cost only the noisy task.\n");
        return sb.ToString();
    }

    /// <summary>Average and backward transfer on the validation users: what hyperparameters are chosen on.</summary>
    private static string RenderValidation(ContinualExperimentResult result)
    {
        var sb = new StringBuilder();
        var runs = result.Runs.Where(r => r.Valid is not null).ToArray();
        if (runs.Length == 0) { return ""; }
        sb.Append("## Validation users (for choosing hyperparameters; the tables above are test users)\n\n");
        sb.Append("| method | scenario | average | mean BWT % | worst BWT % | BWT % per task |\n|---|---|---:|---:|---:|---|\n");
        foreach (var run in runs)
        {
            var summary = run.Valid!.Summary;
            var earlier = summary.Backward.Take(Math.Max(0, summary.Backward.Count - 1)).Where(b => !double.IsNaN(b)).ToArray();
            var worst = earlier.Length == 0 ? double.NaN : earlier.Min();
            var perTask = string.Join(", ", run.Valid.Matrix.TaskNames.Zip(summary.Backward, (n, b) => string.Create(CultureInfo.InvariantCulture, $"{n} {b:+0.00;-0.00}")));
            sb.Append(CultureInfo.InvariantCulture,
                $"| {run.Run.Method} | {run.Run.Scenario} | {summary.AveragePerformance:F4} | {summary.MeanBackward:+0.00;-0.00} | {worst:+0.00;-0.00} | {perTask} |\n");
        }

        return sb.Append('\n').ToString();
    }

    private static object ToRecord(long streamSeed, ContinualModelOptions options, ContinualExperimentResult result) => new
    {
        // The stream's seed draws each task's train/valid/test users; the training seed is options.seed.
        stream_seed = streamSeed,
        options = OptionsBinder.Describe(options),
        fingerprints = result.Fingerprints,
        wall_seconds = result.WallSeconds,
        cpu_seconds = result.CpuSeconds,
        downstream = result.Downstream,
        runs = result.Runs.Select(r => new
        {
            method = r.Run.Method,
            scenario = r.Run.Scenario,
            tasks = r.Run.Matrix.TaskNames,
            matrix = LowerTriangle(r.Run.Matrix),
            single_task = r.Run.SingleTask,
            average = r.Run.Summary.AveragePerformance,
            forward = r.Run.Summary.Forward,
            backward = r.Run.Summary.Backward,
            final_scores = r.FinalScores,
            wall_seconds = r.WallSeconds,
            cpu_seconds = r.CpuSeconds,
            train_seconds = r.TrainSeconds,
            retention_rows = r.RetentionRows,
            valid_matrix = r.Valid is null ? null : LowerTriangle(r.Valid.Matrix),
            valid_average = r.Valid?.Summary.AveragePerformance,
            valid_backward = r.Valid?.Summary.Backward,
        }),
    };

    /// <summary>Row j holds R(T_j, T_0..T_j), the cells that exist (<see cref="ContinualRecord"/> reads them back).</summary>
    private static double[][] LowerTriangle(PerformanceMatrix matrix) =>
        [.. Enumerable.Range(0, matrix.Count).Select(j => Enumerable.Range(0, j + 1).Select(i => matrix[j, i]).ToArray())];

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Describe)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Number(double v) => double.IsNaN(v) ? "—" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, object?> Section(IReadOnlyDictionary<string, object?> root, string name, bool required)
    {
        if (root.TryGetValue(name, out var value) && value is IReadOnlyDictionary<string, object?> section) { return section; }
        if (root.TryGetValue(name, out var other) && other is Dictionary<string, object?> map) { return map; }
        if (root.ContainsKey(name) && root[name] is not null) { throw new OptionsException(name, "must be a map."); }
        return required ? throw new OptionsException(name, "a section is required.") : new Dictionary<string, object?>();
    }
}
