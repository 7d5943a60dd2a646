using Chucheon.Data;
using Chucheon.Evaluation;

namespace Chucheon.Harness;

/// <summary>Most-popular baseline (training interaction counts) for the harness's reference row, used when no
/// registered "pop" model exists yet.</summary>
internal sealed class PopularityScorer(InteractionDataset train) : IItemScorer
{
    private readonly float[] _counts = Enumerable.Range(0, train.ItemCount).Select(i => (float)train.ItemUsers.RowLength(i)).ToArray();

    public int ItemCount => _counts.Length;

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        for (var r = 0; r < users.Length; r++) { _counts.CopyTo(scores.Slice(r * _counts.Length, _counts.Length)); }
    }
}
