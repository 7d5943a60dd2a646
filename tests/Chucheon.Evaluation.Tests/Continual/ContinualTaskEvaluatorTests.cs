using Chucheon.Data;
using Chucheon.Data.Continual;
using Chucheon.Evaluation.Continual;

namespace Chucheon.Evaluation.Tests.Continual;

public sealed class ContinualTaskEvaluatorTests
{
    /// <summary>Puts the user's dense id mod the label count on top, then the rest by descending id.</summary>
    private sealed class ModuloScorer : IContinualTaskScorer
    {
        public List<int> BatchSizes { get; } = [];

        public void Score(ContinualTask task, ReadOnlySpan<int> users, Span<float> scores)
        {
            BatchSizes.Add(users.Length);
            for (var b = 0; b < users.Length; b++)
            {
                var row = scores.Slice(b * task.LabelCount, task.LabelCount);
                for (var j = 0; j < row.Length; j++) { row[j] = j; }
                row[users[b] % task.LabelCount] = 1000;
            }
        }
    }

    [Fact]
    public void AveragesPerUserMetricsOverTheChosenPartInBatches()
    {
        // 4 test users, 30 item labels. Labels: user u -> u % 30 (rank 1) for u = 0, 1; label 0 for u = 2, 3:
        // user 2 ranks label 0 last (30), user 3 too. HR@5 = HR@20 = 2/4, MRR@5 = 2/4.
        var users = new[] { 0, 1, 2, 3 };
        var vocabulary = new IdMap(Enumerable.Range(0, 30).Select(i => $"i{i}"));
        var task = new ContinualTask("next", ContinualTaskKind.NextItem, vocabulary,
            TaskLabels.FromSingle(users, [0, 1, 0, 0], 30), new UserPartition([], [], users));
        var scorer = new ModuloScorer();

        var score = ContinualTaskEvaluator.Evaluate(task, scorer, TaskPart.Test, batchSize: 3);

        Assert.Equal(4, score.Users);
        Assert.Equal(0.5, score.Hr5, 12);
        Assert.Equal(0.5, score.Hr20, 12);
        Assert.Equal(0.5, score.Mrr5, 12);
        Assert.True(double.IsNaN(score.Accuracy));
        Assert.Equal(score.Mrr5, score.Primary);
        Assert.Equal([3, 1], scorer.BatchSizes);
    }

    [Fact]
    public void ClassificationReportsAccuracyAsPrimary()
    {
        var users = new[] { 0, 1, 2, 3 };
        var task = new ContinualTask("gender", ContinualTaskKind.Classification, new IdMap(["F", "M"]),
            TaskLabels.FromSingle(users, [0, 1, 1, 1], 2), new UserPartition([], [], users));

        var score = ContinualTaskEvaluator.Evaluate(task, new ModuloScorer());

        Assert.Equal(0.75, score.Accuracy, 12);
        Assert.Equal("accuracy", score.PrimaryName);
        Assert.True(double.IsNaN(score.Mrr5));
    }
}
