namespace Chucheon.Data;

/// <summary>A small, fast pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose sequence is fixed by
/// this code rather than by the runtime, so seeded fits give the same factors on every .NET version and platform.</summary>
/// <remarks>Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021. A value type: copy
/// it only on purpose (each parallel worker owns one, derived with <see cref="Derive"/>).</remarks>
public struct SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>An independent stream for one (seed, stream...) tuple: workers, epochs and blocks each get their own.</summary>
    public static SeededRandom Derive(long seed, params ReadOnlySpan<long> stream)
    {
        var state = (ulong)seed;
        var mixed = SplitMix(ref state);
        foreach (var s in stream)
        {
            state = mixed ^ (ulong)s;
            mixed = SplitMix(ref state);
        }

        return new SeededRandom(mixed);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, bound) by Lemire's multiply-shift (bias below 2^-32 for the bounds used here).</summary>
    public int NextInt(int bound) => (int)(((NextUInt64() >> 32) * (ulong)(uint)bound) >> 32);

    /// <summary>Uniform in [0, 1) with 24 bits, the full precision of a float.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by Box–Muller (one of the pair is discarded; initialisation is not a hot path).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fisher–Yates shuffle of a span.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
