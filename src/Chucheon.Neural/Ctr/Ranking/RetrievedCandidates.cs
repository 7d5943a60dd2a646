namespace Chucheon.Neural.Ctr.Ranking;

/// <summary>A retriever's best items for one user, outside the user's history, best first. Shared by serving
/// (<see cref="TwoStageScorer"/>) and by the ranker's training rows (<see cref="CandidateRows"/>), so that the ranker
/// trains on exactly the candidate sets it will re-rank.</summary>
public sealed class RetrievedCandidates(int itemCount)
{
    private readonly int[] _order = new int[itemCount];
    private readonly float[] _keys = new float[itemCount];

    /// <summary>The best <paramref name="count"/> items of <paramref name="row"/> (one score per item) that are not in
    /// <paramref name="seen"/> (sorted ascending); ties go to the lower item id so the choice is deterministic.</summary>
    public int[] Top(ReadOnlySpan<float> row, ReadOnlySpan<int> seen, int count)
    {
        if (row.Length != _order.Length) { throw new ArgumentException($"Expected {_order.Length} scores, got {row.Length}.", nameof(row)); }
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
            _keys[i] = -row[i];
        }

        Array.Sort(_keys, _order);
        var result = new List<int>(count);
        var start = 0;
        while (start < _order.Length && result.Count < count)
        {
            var end = start + 1;
            while (end < _order.Length && _keys[end] == _keys[start]) { end++; }
            Array.Sort(_order, start, end - start);
            for (var i = start; i < end && result.Count < count; i++)
            {
                if (seen.BinarySearch(_order[i]) < 0) { result.Add(_order[i]); }
            }

            start = end;
        }

        return [.. result];
    }
}
