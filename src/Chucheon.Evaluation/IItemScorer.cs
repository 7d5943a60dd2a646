using Chucheon.Data;

namespace Chucheon.Evaluation;

/// <summary>Scores every item for a batch of users: the one capability that ranking evaluation needs from a model.</summary>
public interface IItemScorer
{
    /// <summary>Number of items the scorer knows (the catalog size of the training dataset).</summary>
    int ItemCount { get; }

    /// <summary>Writes one row of <see cref="ItemCount"/> scores per user into <paramref name="scores"/> (row-major,
    /// users.Length × ItemCount). Higher is better.</summary>
    /// <param name="users">Dense user ids.</param>
    /// <param name="history">User→item matrix whose rows hold what is known about each user at scoring time (the
    /// training interactions, plus fold-in interactions for users held out of training). Item-based models score
    /// from it; factor models use it to fold in users they did not see while fitting.</param>
    /// <param name="scores">Destination, at least users.Length × ItemCount long.</param>
    void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores);
}
