namespace Chucheon.Neural.Ctr.Experiments;

/// <summary>What <c>chucheon ctr</c> writes to <c>metrics.json</c>: test metrics (auc, logloss, gauc), validation
/// metrics, sizes and timings (wall and process CPU seconds; evaluation is the test part's prediction + metrics).</summary>
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
    SortedDictionary<string, object?> ModelOptions);
