namespace Chucheon.Neural.Ctr.Experiments;

/// <summary>What <c>chucheon ctr</c> writes to <c>metrics.json</c>: test metrics (auc, logloss, gauc), validation
/// metrics, sizes and timings (wall and process CPU seconds; evaluation is the test part's prediction + metrics).
/// With <c>refit_on_validation</c>, <see cref="Metrics"/> and the test timings belong to the refitted model, while the
/// validation metrics, epochs, fit times and options are the first (early-stopped) fit's; <see cref="Refit"/> holds
/// the replayed plan.</summary>
public sealed record CtrRunResult(
    string Dataset,
    string Model,
    string Split,
    SortedDictionary<string, double> Metrics,
    SortedDictionary<string, double> ValidationMetrics,
    int TrainRows,
    int ValidationRows,
    int TestRows,
    int Features,
    int BestEpoch,
    int EpochsRun,
    double FitSeconds,
    double FitCpuSeconds,
    double SecondsPerEpoch,
    double EvaluateSeconds,
    double EvaluateCpuSeconds,
    int Seed,
    SortedDictionary<string, object?> ModelOptions,
    CtrRefitResult? Refit = null);
