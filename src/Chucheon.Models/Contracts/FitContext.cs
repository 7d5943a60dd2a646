using Chucheon.Configuration;

namespace Chucheon.Models;

/// <summary>Everything a fit needs besides data and options: seed, threads, progress, cancellation, and an optional
/// validation callback for early stopping.</summary>
public sealed class FitContext
{
    public int Seed { get; init; } = 42;

    /// <summary>Worker threads for parallel loops; defaults to all cores.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Upper bound on memory a model may allocate for dense structures (EASE's Gram matrix).</summary>
    public long MemoryLimitBytes { get; init; } = 8L << 30;

    public IProgress<FitProgress>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>Scores the current model on the validation interactions (higher is better); null when there is no
    /// validation data. Iterative models use it for early stopping.</summary>
    public Func<Evaluation.IItemScorer, double>? Validate { get; init; }

    /// <summary>Receives the per-epoch record of iterative models (loss, validation metric, seconds); null when nobody
    /// keeps it.</summary>
    public TrainingLog? TrainingLog { get; init; }

    /// <summary>Name of the metric <see cref="Validate"/> returns (for logs).</summary>
    public string ValidationMetric { get; init; } = "NDCG@10";

    public ParallelOptions ParallelOptions => new() { MaxDegreeOfParallelism = Math.Max(1, Threads), CancellationToken = Cancellation };

    public void Report(string stage, int step, int total, string? detail = null) =>
        Progress?.Report(new FitProgress(stage, step, total, detail));
}

/// <summary>One progress update from a fit: a stage name, step of total, and a free-form detail (loss, metric).</summary>
public readonly record struct FitProgress(string Stage, int Step, int Total, string? Detail);
