namespace Chucheon.Evaluation.Continual;

/// <summary>Per-user metrics of a continual task from one full score row over the task's label vocabulary: HR@K and
/// MRR@K for item tasks, accuracy for classification. Ties go to the lower label id, as everywhere in Chucheon.</summary>
/// <remarks>
/// Ranking is full (every label competes), without excluding the user's history: in a continual stream the labels of
/// a later task live in their own vocabulary, so there is no history to exclude. With several relevant labels (item
/// recommendation) a user counts as a hit when any of them is in the top K, and the reciprocal rank is that of the
/// best-ranked one — <see cref="RankingMetrics.Hit"/> and <see cref="RankingMetrics.ReciprocalRank"/> on the same list.
/// Only the best relevant label's rank is needed, so each row costs O(labels) and is never sorted.
/// </remarks>
public static class ContinualTaskMetrics
{
    /// <summary>1-based rank of the best-ranked label of <paramref name="relevant"/> in the full ranking of <paramref name="scores"/>.</summary>
    public static int BestRank(ReadOnlySpan<float> scores, ReadOnlySpan<int> relevant)
    {
        if (relevant.IsEmpty) { throw new ArgumentException("At least one relevant label is needed.", nameof(relevant)); }
        var best = -1;
        foreach (var label in relevant)
        {
            if ((uint)label >= (uint)scores.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(relevant), label, $"Label id outside the {scores.Length} scores.");
            }

            if (best < 0 || Outranks(scores, label, best)) { best = label; }
        }

        var rank = 1;
        for (var j = 0; j < scores.Length; j++)
        {
            if (float.IsNaN(scores[j])) { throw new ArgumentException($"Score {j} is NaN.", nameof(scores)); }
            if (j != best && Outranks(scores, j, best)) { rank++; }
        }

        return rank;
    }

    /// <summary>HR@K: 1 when a relevant label ranks within the top <paramref name="k"/>, else 0.</summary>
    public static double HitRate(ReadOnlySpan<float> scores, ReadOnlySpan<int> relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return BestRank(scores, relevant) <= k ? 1 : 0;
    }

    /// <summary>Reciprocal rank cut at K: 1 / rank of the best relevant label when it is within the top K, else 0; its mean is MRR@K.</summary>
    public static double ReciprocalRank(ReadOnlySpan<float> scores, ReadOnlySpan<int> relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var rank = BestRank(scores, relevant);
        return rank <= k ? 1.0 / rank : 0;
    }

    /// <summary>1 when the highest-scoring class (lowest id among ties) is <paramref name="label"/>, else 0.</summary>
    public static double Accuracy(ReadOnlySpan<float> scores, int label) => BestRank(scores, [label]) == 1 ? 1 : 0;

    private static bool Outranks(ReadOnlySpan<float> scores, int a, int b) => scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
}
