using FsCheck.Xunit;

namespace Chucheon.Evaluation.Tests;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Auc_of_perfect_reversed_and_constant_scores()
    {
        float[] labels = [0, 0, 1, 1, 0, 1];
        float[] perfect = [0.1f, 0.2f, 0.9f, 0.8f, 0.3f, 0.7f];
        var reversed = perfect.Select(s => -s).ToArray();
        var constant = new float[labels.Length];
        Assert.Equal(1.0, ClassificationMetrics.Auc(perfect, labels));
        Assert.Equal(0.0, ClassificationMetrics.Auc(reversed, labels));
        Assert.Equal(0.5, ClassificationMetrics.Auc(constant, labels));
    }

    [Fact]
    public void Auc_worked_examples()
    {
        // Of the four (positive, negative) pairs, 0.35 loses to 0.4 only: 3/4.
        Assert.Equal(3.0 / 4, ClassificationMetrics.Auc([0.1f, 0.4f, 0.35f, 0.8f], [0, 0, 1, 1]), 12);

        // Positives 0.5 and 0.9 against negatives 0.5 and 0.2: the tie counts one half, so (0.5 + 1 + 1 + 1) / 4.
        Assert.Equal(7.0 / 8, ClassificationMetrics.Auc([0.5f, 0.5f, 0.2f, 0.9f], [1, 0, 0, 1]), 12);
    }

    [Fact]
    public void Auc_of_a_single_class_is_undefined() =>
        Assert.True(double.IsNaN(ClassificationMetrics.Auc([0.2f, 0.3f], [1, 1])));

    [Property(MaxTest = 200)]
    public bool Auc_equals_the_pairwise_definition(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 60);
        var scores = Enumerable.Range(0, n).Select(_ => (float)random.Next(0, 6)).ToArray(); // many ties
        var labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4 ? 1f : 0f).ToArray();
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (labels[i] != 1 || labels[j] != 0) { continue; }
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }

        var auc = ClassificationMetrics.Auc(scores, labels);
        return pairs == 0 ? double.IsNaN(auc) : Math.Abs(auc - (wins / pairs)) < 1e-12;
    }

    [Fact]
    public void LogLoss_worked_example_and_clipping()
    {
        Assert.Equal(-(Math.Log((double)0.9f) + Math.Log(1 - (double)0.2f)) / 2, ClassificationMetrics.LogLoss([0.9f, 0.2f], [1, 0]), 12);

        // A certain mistake is clipped to epsilon instead of costing infinity.
        Assert.Equal(-Math.Log(ClassificationMetrics.DefaultEpsilon), ClassificationMetrics.LogLoss([0f], [1]), 9);
        Assert.Equal(-Math.Log(1e-3), ClassificationMetrics.LogLoss([1f], [0], epsilon: 1e-3), 9);
    }

    [Fact]
    public void GroupAuc_weights_groups_by_impressions_and_skips_single_class_groups()
    {
        // Group 7: the 3/4 example (4 impressions). Group 3: reversed pair (AUC 0, 2 impressions). Group 5: positives only.
        float[] scores = [0.1f, 0.9f, 0.4f, 0.2f, 0.35f, 0.8f, 0.6f, 0.7f];
        float[] labels = [0, 0, 0, 1, 1, 1, 1, 1];
        int[] groups = [7, 3, 7, 3, 7, 7, 5, 5];
        Assert.Equal(((3.0 / 4 * 4) + (0 * 2)) / 6, ClassificationMetrics.GroupAuc(scores, labels, groups), 12);
    }

    [Fact]
    public void GroupAuc_without_any_two_class_group_is_undefined() =>
        Assert.True(double.IsNaN(ClassificationMetrics.GroupAuc([0.1f, 0.2f], [1, 0], [1, 2])));
}
