namespace Chucheon.Evaluation;

/// <summary>A tiny seeded generator (Steele, Lea &amp; Flood's SplitMix64). Evaluation samples with it rather than
/// <see cref="Random"/> so that sampled results stay identical across runtime versions and can be reseeded per user
/// with a cheap mix of (seed, user), which makes them independent of batching and thread scheduling.</summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A generator for one (run seed, user) pair whose stream does not overlap its neighbours' in practice.</summary>
    public static SplitMix64 ForStream(int seed, int stream) =>
        new(Mix(((ulong)(uint)seed << 32) ^ (uint)stream ^ 0x5DEECE66DUL));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>) by multiply-shift; the bias (at most bound / 2^32) is far below
    /// anything a metric could show.</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)(((NextUInt64() >> 32) * (ulong)bound) >> 32);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
