using Chucheon.Data;
using Chucheon.Evaluation;

namespace Chucheon.Neural.Tests;

/// <summary>Issue 5: under leave-one-out a sequential model must read the validation item before predicting the test
/// item, so the evaluator hands ordered histories to an <see cref="ISequenceScorer"/>.</summary>
public sealed class SequentialEvaluationTests
{
    /// <summary>Scores each user's "last seen item + 1" highest and remembers what it was shown.</summary>
    private sealed class NextOfLast(int items) : ISequenceScorer
    {
        public List<int[]> Seen { get; } = [];

        public int ItemCount => items;

        public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores) =>
            throw new InvalidOperationException("the evaluator must use ScoreSequences");

        public void ScoreSequences(ReadOnlySpan<int> users, IReadOnlyList<int[]> sequences, Span<float> scores)
        {
            scores[..(users.Length * items)].Clear();
            for (var i = 0; i < users.Length; i++)
            {
                var s = sequences[users[i]];
                Seen.Add(s);
                scores[(i * items) + ((s[^1] + 1) % items)] = 1;
            }
        }
    }

    [Fact]
    public void TestTargetSeesTheValidationItemInOrder()
    {
        // Two users walking 0→1→2→3→4 and 5→6→7→8→9: train = all but the last two, validation and test follow.
        int[][] walks = [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]];
        var users = new IdMap(["a", "b"]);
        var items = new IdMap(Enumerable.Range(0, 10).Select(i => $"i{i}"));
        InteractionLog Part(Func<int[], IEnumerable<int>> take) =>
            new([.. walks.SelectMany((w, u) => take(w).Select(_ => u))], [.. walks.SelectMany(take)]);
        var train = new InteractionDataset("walks", users, items, Part(w => w[..^2]));
        var split = new DataSplit(train, Part(w => [w[^2]]), Part(w => [w[^1]]), null, "leave-one-out");
        var spec = new EvaluationSpec { Metrics = ["Hit"], K = [1] };

        var scorer = new NextOfLast(10);
        var test = RankingEvaluator.Evaluate(scorer, split, spec, EvaluationTarget.Test, seed: 1);
        Assert.Equal([[0, 1, 2, 3], [5, 6, 7, 8]], scorer.Seen);
        Assert.Equal(1.0, test["Hit@1"]);

        scorer.Seen.Clear();
        var validation = RankingEvaluator.Evaluate(scorer, split, spec, EvaluationTarget.Validation, seed: 1);
        Assert.Equal([[0, 1, 2], [5, 6, 7]], scorer.Seen);
        Assert.Equal(1.0, validation["Hit@1"]);
    }
}
