using Chucheon.Data.Continual;

namespace Chucheon.Evaluation.Continual;

/// <summary>What a continual model must provide to be evaluated on a task: scores over the task's label vocabulary for
/// a batch of users, computed from their shared input sequences (and whatever task-specific parts the method keeps).</summary>
public interface IContinualTaskScorer
{
    /// <summary>Fills <paramref name="scores"/>, row-major <c>users.Length × task.LabelCount</c>; higher is better.
    /// NaN is not allowed (there is nothing to exclude in a task's own vocabulary).</summary>
    void Score(ContinualTask task, ReadOnlySpan<int> users, Span<float> scores);
}
