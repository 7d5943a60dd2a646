using Chucheon.Data.Continual;

namespace Chucheon.Evaluation.Continual;

/// <summary>Scores one part of a task's users in batches and averages <see cref="ContinualTaskMetrics"/> over them.</summary>
public static class ContinualTaskEvaluator
{
    public const int DefaultBatchSize = 256;

    public static TaskScore Evaluate(ContinualTask task, IContinualTaskScorer scorer, TaskPart part = TaskPart.Test, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var users = task.UsersIn(part);
        if (users.Length == 0)
        {
            throw new InvalidOperationException($"Task '{task.Name}' has no {part} users to evaluate.");
        }

        // Batches stay near 64 MB of scores even for large label vocabularies.
        var rows = Math.Max(1, Math.Min(batchSize, (16 << 20) / Math.Max(1, task.LabelCount)));
        var scores = new float[rows * task.LabelCount];
        double mrr5 = 0, hr5 = 0, hr20 = 0, accuracy = 0;
        for (var start = 0; start < users.Length; start += rows)
        {
            var batch = users.AsSpan(start, Math.Min(rows, users.Length - start));
            var block = scores.AsSpan(0, batch.Length * task.LabelCount);
            block.Clear();
            scorer.Score(task, batch, block);
            for (var b = 0; b < batch.Length; b++)
            {
                var row = block.Slice(b * task.LabelCount, task.LabelCount);
                if (HasNaN(row))
                {
                    throw new InvalidOperationException($"The scorer returned NaN for task '{task.Name}', user {batch[b]}.");
                }

                var relevant = task.LabelsOf(batch[b]);
                var rank = ContinualTaskMetrics.BestRank(row, relevant);
                mrr5 += rank <= 5 ? 1.0 / rank : 0;
                hr5 += rank <= 5 ? 1 : 0;
                hr20 += rank <= 20 ? 1 : 0;
                accuracy += rank == 1 ? 1 : 0;
            }
        }

        double n = users.Length;
        return task.Kind == ContinualTaskKind.Classification
            ? new TaskScore(task.Name, task.Kind, part, users.Length, double.NaN, double.NaN, double.NaN, accuracy / n)
            : new TaskScore(task.Name, task.Kind, part, users.Length, mrr5 / n, hr5 / n, hr20 / n, double.NaN);
    }

    private static bool HasNaN(ReadOnlySpan<float> row)
    {
        foreach (var v in row)
        {
            if (float.IsNaN(v)) { return true; }
        }

        return false;
    }
}
