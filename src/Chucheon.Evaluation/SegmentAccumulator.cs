namespace Chucheon.Evaluation;

/// <summary>Running sums of per-user metric values for one group of users, plus the best rank at which each item was
/// recommended to any of them (for coverage). Fed in user order on one thread, so sums do not depend on batching.</summary>
internal sealed class SegmentAccumulator
{
    private readonly double[] _sums;
    private readonly int[]? _bestRank;

    public SegmentAccumulator(int valuesPerUser, int itemCount, bool trackCoverage)
    {
        _sums = new double[valuesPerUser];
        if (trackCoverage)
        {
            _bestRank = new int[itemCount];
            Array.Fill(_bestRank, int.MaxValue);
        }
    }

    public int Users { get; private set; }

    public void Add(ReadOnlySpan<double> values)
    {
        for (var i = 0; i < _sums.Length; i++) { _sums[i] += values[i]; }
        Users++;
    }

    /// <summary>Records a user's ranked list (best first) for coverage.</summary>
    public void Observe(ReadOnlySpan<int> top)
    {
        if (_bestRank is null) { return; }
        for (var rank = 0; rank < top.Length; rank++)
        {
            ref var best = ref _bestRank[top[rank]];
            if (rank < best) { best = rank; }
        }
    }

    public double Mean(int slot) => Users == 0 ? double.NaN : _sums[slot] / Users;

    /// <summary>Fraction of the items (all, or those with <paramref name="inSegment"/> equal to <paramref name="wanted"/>)
    /// that appear within the top <paramref name="k"/> of some observed user.</summary>
    public double CoveredFraction(int k, bool[]? inSegment = null, bool wanted = true)
    {
        if (_bestRank is null) { throw new InvalidOperationException("Coverage was not tracked for this group."); }
        int covered = 0, total = 0;
        for (var item = 0; item < _bestRank.Length; item++)
        {
            if (inSegment is not null && inSegment[item] != wanted) { continue; }
            total++;
            if (_bestRank[item] < k) { covered++; }
        }

        return total == 0 ? double.NaN : (double)covered / total;
    }
}
