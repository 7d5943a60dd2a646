using Chucheon.Data;

namespace Chucheon.Evaluation.Tests;

/// <summary>Scores from a function of (user, item) and records how it was called, so tests can check batching.</summary>
internal sealed class RecordingScorer(int itemCount, Func<int, int, float> score) : IItemScorer
{
    public int ItemCount { get; } = itemCount;

    public int LargestBatch { get; private set; }

    public int LargestBuffer { get; private set; }

    public List<int> UsersScored { get; } = [];

    public CsrMatrix? LastHistory { get; private set; }

    /// <summary>Prefers lower item ids for everyone.</summary>
    public static RecordingScorer LowIdsFirst(int itemCount) => new(itemCount, (_, item) => itemCount - item);

    /// <summary>Deterministic pseudo-random scores with frequent ties (13 distinct values).</summary>
    public static RecordingScorer Hashed(int itemCount) =>
        new(itemCount, (user, item) => (((uint)user * 2654435761u) ^ ((uint)item * 40503u)) % 13);

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        LargestBatch = Math.Max(LargestBatch, users.Length);
        LargestBuffer = Math.Max(LargestBuffer, scores.Length);
        LastHistory = history;
        for (var r = 0; r < users.Length; r++)
        {
            UsersScored.Add(users[r]);
            for (var i = 0; i < ItemCount; i++) { scores[(r * ItemCount) + i] = score(users[r], i); }
        }
    }
}
