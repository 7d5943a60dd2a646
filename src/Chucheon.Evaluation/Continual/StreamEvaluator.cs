using Chucheon.Data.Continual;

namespace Chucheon.Evaluation.Continual;

/// <summary>The evaluation step of the continual protocol: after training through task j, score every task seen so far
/// and write row j of the <see cref="PerformanceMatrix"/>.</summary>
public static class StreamEvaluator
{
    /// <summary>An empty matrix whose tasks are the stream's, in stream order.</summary>
    public static PerformanceMatrix NewMatrix(TaskStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new PerformanceMatrix(stream.TaskNames);
    }

    /// <summary>Evaluates tasks 0..<paramref name="afterTask"/> on <paramref name="part"/> and stores each
    /// <see cref="TaskScore.Primary"/> as R(T_afterTask, T_i). Returns the full scores, one per task.</summary>
    public static IReadOnlyList<TaskScore> FillRow(TaskStream stream, int afterTask, IContinualTaskScorer scorer, PerformanceMatrix matrix,
        TaskPart part = TaskPart.Test, int batchSize = ContinualTaskEvaluator.DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.TaskNames.SequenceEqual(stream.TaskNames))
        {
            throw new ArgumentException($"The matrix tasks ({string.Join(", ", matrix.TaskNames)}) are not the stream's ({string.Join(", ", stream.TaskNames)}).", nameof(matrix));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(afterTask);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(afterTask, stream.Count);
        var scores = new TaskScore[afterTask + 1];
        for (var i = 0; i <= afterTask; i++)
        {
            scores[i] = ContinualTaskEvaluator.Evaluate(stream.Tasks[i], scorer, part, batchSize);
            matrix[afterTask, i] = scores[i].Primary;
        }

        return scores;
    }
}
