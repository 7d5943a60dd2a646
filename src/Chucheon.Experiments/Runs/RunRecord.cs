using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chucheon.Experiments.Runs;

/// <summary>Seconds spent in each stage of a run.</summary>
public sealed record RunTimings(double LoadS, double FitS, double EvaluateS);

/// <summary>The contents of <c>metrics.json</c>: the stable shape that benchmarks and outside tools read.</summary>
public sealed record RunMetrics(
    string Dataset,
    string Model,
    string Split,
    SortedDictionary<string, double> Metrics,
    RunTimings Timings,
    double PeakMemoryMb,
    string Fingerprint,
    string GitCommit,
    int Seed);

/// <summary>Everything else a run records (<c>run.json</c>): resolved options, data statistics, reports, environment.</summary>
public sealed record RunDetails(
    string Name,
    DateTimeOffset StartedAt,
    string Machine,
    string Runtime,
    int Threads,
    bool CacheHit,
    SortedDictionary<string, object?> ModelOptions,
    DatasetStatistics Data,
    IReadOnlyList<string> DataReports,
    SortedDictionary<string, double> ValidationMetrics,
    IReadOnlyDictionary<string, SortedDictionary<string, double>> Segments,
    int UsersEvaluated,
    int UsersSkipped,
    string Protocol,
    TrainingRecord? Training);

/// <summary>How an iterative model trained: epochs run, the epoch kept, and per-epoch loss, validation metric and time.</summary>
public sealed record TrainingRecord(
    int EpochsRun,
    int? BestEpoch,
    double? BestValidationMetric,
    string ValidationMetric,
    bool StoppedEarly,
    double? MeanTrainSecondsPerEpoch,
    IReadOnlyList<Models.EpochSummary> Epochs);

/// <summary>Sizes of the split that was evaluated.</summary>
public sealed record DatasetStatistics(int Users, int Items, int TrainInteractions, int ValidationInteractions, int TestInteractions, int FoldInInteractions);

/// <summary>JSON settings shared by every run file: snake_case property names, indented.</summary>
public static class RunJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Same settings on one line, for the run ledger.</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };
}
