namespace Chucheon.Evaluation;

/// <summary>Metrics for click-through-rate style predictions: one score per impression against a 0/1 label.
/// A label of at least 0.5 counts as positive for the AUCs; LogLoss uses the label value as the target probability.</summary>
public static class ClassificationMetrics
{
    /// <summary>Default clipping for <see cref="LogLoss"/>: keeps log(0) out while staying below float resolution near 1.</summary>
    public const double DefaultEpsilon = 1e-7;

    /// <summary>Area under the ROC curve: the probability that a random positive outscores a random negative, with
    /// tied scores counting one half (tied impressions share their average rank). O(n log n).</summary>
    /// <returns>NaN when the labels hold only one class (the AUC is undefined).</returns>
    public static double Auc(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels)
    {
        CheckLengths(scores.Length, labels.Length, nameof(labels));
        var sortedScores = scores.ToArray();
        var positive = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++) { positive[i] = IsPositive(labels[i]); }
        return AucInPlace(sortedScores, positive);
    }

    /// <summary>Mean binary cross-entropy, −mean(y·log p + (1 − y)·log(1 − p)), with p clipped to
    /// [<paramref name="epsilon"/>, 1 − <paramref name="epsilon"/>] so one confident mistake cannot make it infinite.</summary>
    /// <param name="probabilities">Predicted click probabilities (apply a sigmoid to logits first).</param>
    /// <returns>NaN for no impressions.</returns>
    public static double LogLoss(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, double epsilon = DefaultEpsilon)
    {
        CheckLengths(probabilities.Length, labels.Length, nameof(labels));
        if (!(epsilon > 0 && epsilon < 0.5)) { throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Must be in (0, 0.5)."); }
        if (probabilities.Length == 0) { return double.NaN; }

        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (float.IsNaN(p)) { throw new ArgumentException($"Probability {i} is NaN.", nameof(probabilities)); }
            var clipped = Math.Clamp((double)p, epsilon, 1 - epsilon);
            double y = labels[i];
            sum -= (y * Math.Log(clipped)) + ((1 - y) * Math.Log(1 - clipped));
        }

        return sum / probabilities.Length;
    }

    /// <summary>Group AUC: the AUC within each group (usually a user), averaged with each group weighted by its number
    /// of impressions. Groups whose impressions are all positive or all negative have no AUC and are left out.</summary>
    /// <returns>NaN when no group has both classes.</returns>
    public static double GroupAuc(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, ReadOnlySpan<int> groups)
    {
        CheckLengths(scores.Length, labels.Length, nameof(labels));
        CheckLengths(scores.Length, groups.Length, nameof(groups));

        // Order impressions by group once; each group's run is then scored on its own with the global AUC routine.
        var order = new int[groups.Length];
        for (var i = 0; i < order.Length; i++) { order[i] = i; }
        var groupKeys = groups.ToArray();
        Array.Sort(groupKeys, order);

        var weighted = 0.0;
        var weight = 0L;
        var groupScores = new float[groups.Length];
        var groupPositive = new bool[groups.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && groupKeys[end] == groupKeys[start]) { end++; }

            var size = end - start;
            for (var j = 0; j < size; j++)
            {
                groupScores[j] = scores[order[start + j]];
                groupPositive[j] = IsPositive(labels[order[start + j]]);
            }

            var auc = AucInPlace(groupScores.AsSpan(0, size), groupPositive.AsSpan(0, size));
            if (!double.IsNaN(auc))
            {
                weighted += auc * size;
                weight += size;
            }

            start = end;
        }

        return weight == 0 ? double.NaN : weighted / weight;
    }

    /// <summary>Mann–Whitney form of the AUC; sorts both spans (scores ascending, labels alongside).</summary>
    private static double AucInPlace(Span<float> scores, Span<bool> positive)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (float.IsNaN(scores[i])) { throw new ArgumentException($"Score {i} is NaN; AUC needs ordered scores.", nameof(scores)); }
        }

        scores.Sort(positive);
        long positives = 0;
        var positiveRankSum = 0.0;
        for (var start = 0; start < scores.Length;)
        {
            var end = start + 1;
            while (end < scores.Length && scores[end] == scores[start]) { end++; }

            // Ranks start+1 .. end (1-based) are tied; each member of the run takes their mean.
            var averageRank = (start + 1 + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                if (positive[i])
                {
                    positives++;
                    positiveRankSum += averageRank;
                }
            }

            start = end;
        }

        long negatives = scores.Length - positives;
        if (positives == 0 || negatives == 0) { return double.NaN; }
        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static bool IsPositive(float label) => label >= 0.5f;

    private static void CheckLengths(int expected, int actual, string name)
    {
        if (expected != actual) { throw new ArgumentException($"Expected {expected} entries, got {actual}.", name); }
    }
}
