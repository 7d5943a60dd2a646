using Chucheon.Data;
using Chucheon.Data.Continual;
using Chucheon.Evaluation.Continual;

namespace Chucheon.Evaluation.Tests.Continual;

public sealed class StreamEvaluatorTests
{
    /// <summary>Scores label 0 highest on every task until it has "learned" a task; afterwards, the true labels highest.</summary>
    private sealed class LearnsTasksScorer(HashSet<string> learned) : IContinualTaskScorer
    {
        public void Score(ContinualTask task, ReadOnlySpan<int> users, Span<float> scores)
        {
            for (var b = 0; b < users.Length; b++)
            {
                var row = scores.Slice(b * task.LabelCount, task.LabelCount);
                row.Fill(0);
                if (learned.Contains(task.Name))
                {
                    foreach (var label in task.LabelsOf(users[b])) { row[label] = 1; }
                }
                else
                {
                    row[0] = 1;
                }
            }
        }
    }

    private static TaskStream TwoTasks()
    {
        var users = new[] { 0, 1, 2, 3 };
        var shared = new UserSequences(new IdMap(["a", "b", "c", "d"]), new IdMap(["i", "j"]), [[0, 1], [1, 0], [0, 0], [1, 1]]);
        var items = new ContinualTask("items", ContinualTaskKind.ItemRecommendation, new IdMap(["x", "y", "z"]),
            TaskLabels.FromSets(users, [[1], [2], [1, 2], [0]], 3), new UserPartition([], [], users));
        var classes = new ContinualTask("class", ContinualTaskKind.Classification, new IdMap(["p", "q"]),
            TaskLabels.FromSingle(users, [1, 1, 1, 0], 2), new UserPartition([], [], users));
        return new TaskStream(shared, [items, classes]);
    }

    [Fact]
    public void FillsOneRowPerTrainedTaskWithThePrimaryMetric()
    {
        var stream = TwoTasks();
        var learned = new HashSet<string>(StringComparer.Ordinal) { "items" };
        var matrix = StreamEvaluator.NewMatrix(stream);

        var first = StreamEvaluator.FillRow(stream, 0, new LearnsTasksScorer(learned), matrix);
        learned.Add("class");
        learned.Remove("items");
        StreamEvaluator.FillRow(stream, 1, new LearnsTasksScorer(learned), matrix);

        Assert.Single(first);
        Assert.Equal(1, matrix[0, 0], 12);
        // Forgotten item task: scores [1, 0, 0], so the ranking is x, y, z (ties to the lower id). Users' best labels:
        // y (rank 2), z (rank 3), y (rank 2), x (rank 1): MRR@5 = (1/2 + 1/3 + 1/2 + 1) / 4 = 7/12.
        Assert.Equal(7.0 / 12, matrix[1, 0], 12);
        Assert.Equal(1, matrix[1, 1], 12);
        Assert.True(matrix.IsComplete);
    }

    [Fact]
    public void AMatrixForOtherTasksOrAFutureRowIsRejected()
    {
        var stream = TwoTasks();
        var scorer = new LearnsTasksScorer([]);

        Assert.Throws<ArgumentException>(() => StreamEvaluator.FillRow(stream, 0, scorer, new PerformanceMatrix(["class", "items"])));
        Assert.Throws<ArgumentOutOfRangeException>(() => StreamEvaluator.FillRow(stream, 2, scorer, StreamEvaluator.NewMatrix(stream)));
    }

    [Fact]
    public void NaNScoresNameTheTaskAndUser()
    {
        var stream = TwoTasks();

        var error = Assert.Throws<InvalidOperationException>(() => ContinualTaskEvaluator.Evaluate(stream.Tasks[1], new NaNScorer()));

        Assert.Contains("task 'class', user 0", error.Message, StringComparison.Ordinal);
    }

    private sealed class NaNScorer : IContinualTaskScorer
    {
        public void Score(ContinualTask task, ReadOnlySpan<int> users, Span<float> scores) => scores.Fill(float.NaN);
    }
}
