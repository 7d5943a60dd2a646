using Chucheon.Data.Continual;

namespace Chucheon.Evaluation.Continual;

/// <summary>One task evaluated on one part of its users. Metrics that do not apply to the task's kind are NaN.</summary>
/// <param name="Primary">The number that goes into the <see cref="PerformanceMatrix"/>: MRR@5 for item tasks and
/// accuracy for classification, as TERACON reports them.</param>
public sealed record TaskScore(string Task, ContinualTaskKind Kind, TaskPart Part, int Users, double Mrr5, double Hr5, double Hr20, double Accuracy)
{
    public double Primary => Kind == ContinualTaskKind.Classification ? Accuracy : Mrr5;

    public string PrimaryName => Kind == ContinualTaskKind.Classification ? "accuracy" : "MRR@5";
}
