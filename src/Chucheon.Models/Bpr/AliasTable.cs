using Chucheon.Data;
using Chucheon.Models.Factorization;

namespace Chucheon.Models.Bpr;

/// <summary>O(1) sampling from a fixed discrete distribution (Walker's alias method, with Vose's linear-time build:
/// "A linear algorithm for generating random numbers with a given distribution", IEEE TSE 1991).</summary>
public sealed class AliasTable
{
    private readonly float[] _keep;
    private readonly int[] _alias;

    /// <summary>Weights need not be normalised; zero weights are never drawn. All-zero weights give an empty table.</summary>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        _keep = new float[n];
        _alias = new int[n];
        double total = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w)) { throw new ArgumentException($"Weights must be finite and >= 0 (got {w}).", nameof(weights)); }
            total += w;
        }

        IsEmpty = total == 0;
        if (IsEmpty) { return; }

        // Scaled probabilities: entries below 1 are topped up by one entry above 1 (their alias).
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _keep[s] = (float)scaled[s];
            _alias[s] = l;
            scaled[l] -= 1 - scaled[s];
            (scaled[l] < 1 ? small : large).Push(l);
        }

        // Leftovers are 1 up to rounding.
        foreach (var i in large) { _keep[i] = 1f; _alias[i] = i; }
        foreach (var i in small) { _keep[i] = 1f; _alias[i] = i; }
    }

    public int Count => _keep.Length;

    /// <summary>True when every weight was zero; <see cref="Sample"/> must not be called.</summary>
    public bool IsEmpty { get; }

    public int Sample(ref SeededRandom random)
    {
        var i = random.NextInt(_keep.Length);
        return random.NextFloat() < _keep[i] ? i : _alias[i];
    }
}
