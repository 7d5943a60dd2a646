namespace Chucheon.Evaluation;

/// <summary>A scorer that needs each user's history in order (sequential recommenders). The history matrix of
/// <see cref="IItemScorer.Score"/> has lost the order, and under leave-one-out it also lacks the validation item that
/// precedes a test item; <see cref="RankingEvaluator"/> therefore calls <see cref="ScoreSequences"/> instead, with
/// every interaction known before the target, in time order.</summary>
public interface ISequenceScorer : IItemScorer
{
    /// <summary>Like <see cref="IItemScorer.Score"/>, but from ordered histories.</summary>
    /// <param name="users">Dense user ids.</param>
    /// <param name="sequences">Per dense user id, the items known at scoring time, oldest first.</param>
    /// <param name="scores">Destination, users.Length × ItemCount, row-major.</param>
    void ScoreSequences(ReadOnlySpan<int> users, IReadOnlyList<int[]> sequences, Span<float> scores);
}
