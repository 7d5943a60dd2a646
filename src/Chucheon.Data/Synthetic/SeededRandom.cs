namespace Chucheon.Data.Synthetic;

/// <summary>xoshiro256** seeded through SplitMix64: a small generator whose sequence is fixed by this code, so a
/// seed names the same dataset on every runtime version (System.Random makes no such promise).</summary>
/// <remarks>The bit stream is the shared <see cref="Chucheon.Data.SeededRandom"/>; this class adds the draws the
/// generator needs (open-interval uniforms, paired Gaussians, Gumbel, weighted picks).</remarks>
internal sealed class SeededRandom(long seed)
{
    private Chucheon.Data.SeededRandom _bits = new((ulong)seed);
    private double? _spareGaussian;

    public ulong NextUInt64() => _bits.NextUInt64();

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1): safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    public int NextInt(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    public double NextGaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }

        // Box-Muller: two independent normals from two uniforms; the second is kept for the next call.
        var radius = Math.Sqrt(-2.0 * Math.Log(NextOpenDouble()));
        var angle = 2.0 * Math.PI * NextDouble();
        _spareGaussian = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    public double NextExponential(double mean) => -mean * Math.Log(NextOpenDouble());

    /// <summary>Standard Gumbel noise: adding it to log-weights and taking the top k samples k items without
    /// replacement in proportion to the weights.</summary>
    public double NextGumbel() => -Math.Log(-Math.Log(NextOpenDouble()));

    /// <summary>An index drawn in proportion to non-negative <paramref name="weights"/>.</summary>
    public int NextWeighted(ReadOnlySpan<double> weights, double total)
    {
        var target = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0) { return i; }
        }

        return weights.Length - 1;
    }
}
