using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Experiments.Configuration;
using Chucheon.Models;

namespace Chucheon.Experiments.Runs;

/// <summary>Forwards progress on the reporting thread; <see cref="Progress{T}"/> would post to the thread pool and
/// deliver updates late and out of order.</summary>
internal sealed class RelayProgress<T>(Action<T> forward) : IProgress<T>
{
    public void Report(T value) => forward(value);
}

/// <summary>A stage update from a run (load, fit, evaluate) for progress display.</summary>
public readonly record struct RunProgress(string Stage, int Step, int Total, string? Detail);

/// <summary>What <see cref="ExperimentRunner.Run"/> returns: the metrics file's contents, the details, the fitted
/// model and the split it was evaluated on.</summary>
public sealed record RunResult(RunMetrics Metrics, RunDetails Details, IRecommender Model, DataSplit Split);

/// <summary>Runs one experiment end to end: load (or reuse a cached split), fit, evaluate, and record everything.</summary>
public sealed class ExperimentRunner(IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
{
    public RunResult Run(ExperimentConfig config, string? outputDirectory)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        progress?.Report(new RunProgress("load", 0, 1, config.Dataset.Format));
        var prepared = SplitPreparation.Prepare(config);
        var split = prepared.Split;
        var loadSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report(new RunProgress("load", 1, 1, split.Train.ToString()));

        var model = ModelRegistry.Get(config.ModelAlias).Create(config.ModelOptions);
        var validationMetrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var validationSpec = config.Evaluation;
        var validationKey = ValidationMetricKey(validationSpec);
        var trainingLog = new TrainingLog();
        var context = new FitContext
        {
            TrainingLog = trainingLog,
            Seed = config.Seed,
            Threads = config.Threads,
            MemoryLimitBytes = config.MemoryLimitMb << 20,
            Cancellation = cancellation,
            Progress = progress is null ? null : new RelayProgress<FitProgress>(p => progress.Report(new RunProgress($"fit: {p.Stage}", p.Step, p.Total, p.Detail))),
            ValidationMetric = validationKey,
            Validate = split.Validation.Count == 0 ? null : RankingEvaluator.ValidationObjective(split, validationSpec, validationKey, config.Seed),
        };

        clock.Restart();
        model.Fit(split.Train, context);
        var fitSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        progress?.Report(new RunProgress("evaluate", 0, 1, null));
        if (split.Validation.Count > 0)
        {
            foreach (var (key, value) in RankingEvaluator.Evaluate(model, split, config.Evaluation, EvaluationTarget.Validation, config.Seed, ct: cancellation).Metrics)
            {
                validationMetrics[key] = value;
            }
        }

        var evaluationProgress = progress is null ? null : new RelayProgress<EvaluationProgress>(p => progress.Report(new RunProgress("evaluate", p.UsersDone, p.UsersTotal, null)));
        var report = RankingEvaluator.Evaluate(model, split, config.Evaluation, EvaluationTarget.Test, config.Seed, evaluationProgress, cancellation);
        var evaluateSeconds = clock.Elapsed.TotalSeconds;

        var metrics = new RunMetrics(
            Dataset: split.Train.Name,
            Model: config.ModelAlias,
            Split: split.Method,
            Metrics: new SortedDictionary<string, double>(report.Metrics.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal),
            Timings: new RunTimings(Round(loadSeconds), Round(fitSeconds), Round(evaluateSeconds)),
            PeakMemoryMb: RunEnvironment.PeakMemoryMb(),
            Fingerprint: prepared.Fingerprint,
            GitCommit: RunEnvironment.GitCommit(config.BaseDirectory),
            Seed: config.Seed);
        var details = new RunDetails(
            Name: config.DisplayName,
            StartedAt: startedAt,
            Machine: RunEnvironment.Machine,
            Runtime: System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            Threads: config.Threads,
            CacheHit: prepared.CacheHit,
            ModelOptions: OptionsBinder.Describe(config.ModelOptions),
            Data: new DatasetStatistics(split.UserCount, split.ItemCount, split.Train.Log.Count, split.Validation.Count, split.Test.Count, split.FoldIn?.Count ?? 0),
            DataReports: prepared.Reports,
            ValidationMetrics: validationMetrics,
            Segments: report.Segments.ToDictionary(kv => kv.Key, kv => new SortedDictionary<string, double>(kv.Value.Metrics.ToDictionary(m => m.Key, m => m.Value), StringComparer.Ordinal)),
            UsersEvaluated: report.UsersEvaluated,
            UsersSkipped: report.UsersSkipped,
            Protocol: report.Protocol,
            Training: trainingLog.Epochs.Count == 0 ? null : new TrainingRecord(
                trainingLog.Epochs.Count, trainingLog.BestEpoch, trainingLog.BestValidationMetric, validationKey,
                trainingLog.StoppedEarly, trainingLog.MeanTrainSecondsPerEpoch, trainingLog.Epochs));

        if (outputDirectory is not null)
        {
            RunWriter.Write(outputDirectory, config, metrics, details, model, split, cancellation);
        }

        return new RunResult(metrics, details, model, split);
    }

    private static string ValidationMetricKey(EvaluationSpec spec)
    {
        var metric = spec.Metrics.FirstOrDefault(m => string.Equals(m, "NDCG", StringComparison.OrdinalIgnoreCase)) ?? spec.Metrics[0];
        return MetricCatalog.Key(metric, spec.K.Max());
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
