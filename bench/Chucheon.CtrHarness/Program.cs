using System.Diagnostics;
using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Experiments.Configuration;
using Chucheon.Neural.Ctr.Experiments;

namespace Chucheon.CtrHarness;

/// <summary>End-to-end CTR measurements for docs/benchmarks-ctr.md.
/// <c>frappe CONFIG... [--mlnet] [--no-test] [--set key=value ...]</c>: runs each CTR config in this process (one at a
/// time) and optionally ML.NET's FFM on the same split; prints a Markdown table with wall and CPU time and the load
/// average. <c>--no-test</c> never reads the test part (tuning runs); <c>--save DIR</c> writes each run (metrics, history,
/// model) under DIR, and <c>frappe-test CONFIG RUN_DIR</c> later scores a saved run's model on test (see
/// <see cref="SavedRunTest"/>). With <c>training.refit_on_validation</c> (in the config or <c>--set</c>), a second table
/// sets each refitted model's test figures beside the first fit's, and <c>--mlnet</c> refits ML.NET's chosen setting too.
/// <c>cin-speed [BATCH] [STEPS]</c>: xDeepFM's CIN forward + backward time (see <see cref="CinSpeed"/>).
/// <c>two-stage CONFIG [--no-test]</c>: EASE alone vs EASE + CTR re-ranking on MovieLens 100K (see <see cref="TwoStageBench"/>).</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Chucheon.Neural.NeuralModels.Register();
        if (args.Length >= 1 && args[0] == "cin-speed")
        {
            return CinSpeed.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4096, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
        }

        if (args.Length == 3 && args[0] == "frappe-test") { return SavedRunTest.Run(args[1], args[2]); }
        if (args.Length >= 2 && args[0] == "two-stage") { return TwoStageBench.Run(args[1], Overrides(args), args.Contains("--no-test")); }
        if (args.Length < 2 || args[0] != "frappe")
        {
            Console.Error.WriteLine("usage: frappe CONFIG... [--mlnet] [--no-test] [--save DIR] [--set key=value]... | frappe-test CONFIG RUN_DIR | two-stage CONFIG [--no-test] [--set key=value]...");
            return 2;
        }

        var configs = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var rows = new List<string>();
        var refitRows = new List<string>();
        var evaluateTest = !args.Contains("--no-test");
        var saveIndex = Array.IndexOf(args, "--save");
        var saveRoot = saveIndex >= 0 && saveIndex + 1 < args.Length ? args[saveIndex + 1] : null;
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var path in configs)
        {
            var document = YamlDocument.Load(path);
            document.ApplyOverrides(Overrides(args));
            var before = LoadAverage();
            try
            {
                var output = saveRoot is null ? null : Path.Combine(saveRoot, $"{configs.IndexOf(path)}-{Path.GetFileNameWithoutExtension(path)}");
                var r = CtrExperiment.Run(document.Root, Path.GetDirectoryName(Path.GetFullPath(path))!, output,
                    new SyncProgress(p => Console.Error.WriteLine(p.Detail)), evaluateTest);
                if (r.Refit is { } refit)
                {
                    refitRows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"| {Path.GetFileName(path)} | {r.Model} | {r.ValidationMetrics["auc"]:F4} | {refit.FirstFitTestMetrics.GetValueOrDefault("auc"):F4} | {Test(r, "auc")} | {Test(r, "logloss")} | {Test(r, "gauc")} | {r.BestEpoch}/{r.EpochsRun} | {refit.Epochs} ({refit.EpochRule}) | [{string.Join(", ", refit.LrMilestones)}] | {refit.TrainRows} | {r.FitCpuSeconds:F0} | {refit.FitCpuSeconds:F0} |"));
                    Console.WriteLine(refitRows[^1]);
                }

                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Model} | {Path.GetFileName(path)} | {r.ValidationMetrics["auc"]:F4} | {Test(r, "auc")} | {Test(r, "logloss")} | {Test(r, "gauc")} | {r.BestEpoch}/{r.EpochsRun} | {r.SecondsPerEpoch:F2} | {r.FitCpuSeconds / Math.Max(1, r.EpochsRun):F2} | {r.FitSeconds:F1} | {r.EvaluateSeconds:F3} | {r.EvaluateCpuSeconds:F3} | {before} → {LoadAverage()} |"));
            }
            catch (OptionsException e)
            {
                throw document.Locate(e);
            }

            Console.WriteLine(rows[^1]);
        }

        if (args.Contains("--mlnet") && evaluateTest)
        {
            var document = YamlDocument.Load(configs[0]);
            document.ApplyOverrides(Overrides(args)); // --set dataset.* / training.* reach the ML.NET baseline too
            var spec = CtrExperiment.DatasetSpec(document.Root);
            var seed = int.Parse(document.Root["seed"]?.ToString() ?? "42", CultureInfo.InvariantCulture);
            var data = CtrDataLoader.Load(spec, Path.GetDirectoryName(Path.GetFullPath(configs[0]))!, seed);
            var training = CtrExperiment.TrainingOptions(document.Root);
            var before = LoadAverage();
            var m = MlNetFfm.Run(data.Split, seed, Console.Error, training.RefitOnValidation ? data.WithValidationInTraining().Split : null, training.RefitEpochs);
            if (m.Refit is { } mr)
            {
                refitRows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| same split | ml.net ffm (latent {m.Latent}) | {m.ValidationAuc:F4} | {m.Auc:F4} | {mr.Auc:F4} | {mr.LogLoss:F4} | – | {m.Iterations} iterations | {mr.Iterations} ({training.RefitEpochs}) | – | {mr.Rows} | {m.FitCpuSeconds:F0} | {mr.FitCpuSeconds:F0} |"));
                Console.WriteLine(refitRows[^1]);
            }

            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| ml.net ffm (latent {m.Latent}, {m.Iterations} iterations) | same split | {m.ValidationAuc:F4} | {m.Auc:F4} | {m.LogLoss:F4} | – | – | {m.FitSeconds / m.Iterations:F2} | {m.FitCpuSeconds / m.Iterations:F2} | {m.FitSeconds:F1} (grid {m.GridSeconds:F0}) | {m.PredictSeconds:F3} | – | {before} → {LoadAverage()} |"));
            Console.WriteLine(rows[^1]);
        }

        Console.WriteLine();
        Console.WriteLine("| model | config | valid AUC | test AUC | test LogLoss | test GAUC | best/run epochs | wall s/epoch | CPU s/epoch | fit wall s | eval wall s | eval CPU s | load avg (1 min) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) { Console.WriteLine(row); }
        if (refitRows.Count > 0)
        {
            // With refit_on_validation the table above shows the refitted model's test figures; this one sets them
            // beside the first fit's.
            Console.WriteLine();
            Console.WriteLine("| config | model | valid AUC (first fit) | test AUC (first fit) | test AUC (refit) | test LogLoss (refit) | test GAUC (refit) | best/run epochs (first fit) | refit epochs | rate drops after epochs | refit rows | first fit CPU s | refit CPU s |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var row in refitRows) { Console.WriteLine(row); }
        }

        return 0;
    }

    private static string Test(CtrRunResult result, string metric) =>
        result.Metrics.TryGetValue(metric, out var value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "–";

    /// <summary>The <c>key.path=value</c> argument after every <c>--set</c>.</summary>
    internal static List<string> Overrides(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--set") { result.Add(args[i + 1]); }
        }

        return result;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

/// <summary>Reports progress on the calling thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress(Action<Chucheon.Models.FitProgress> report) : IProgress<Chucheon.Models.FitProgress>
{
    public void Report(Chucheon.Models.FitProgress value) => report(value);
}
