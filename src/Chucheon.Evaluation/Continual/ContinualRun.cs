namespace Chucheon.Evaluation.Continual;

/// <summary>One method trained through one stream scenario: its performance matrix and, when run, the single-task
/// baseline used for forward transfer.</summary>
/// <param name="Method">The method's name (TERACON, FineAll, ...).</param>
/// <param name="Scenario">The stream order it saw: <c>original</c>, <c>reversed</c>, <c>noisy</c>, ...</param>
/// <param name="MetricName">What the matrix holds, for table captions (e.g. "MRR@5 / accuracy").</param>
public sealed record ContinualRun(string Method, string Scenario, PerformanceMatrix Matrix, IReadOnlyList<double>? SingleTask, string MetricName = "MRR@5 / accuracy")
{
    public TransferSummary Summary => TransferSummary.Of(Matrix, SingleTask);
}
