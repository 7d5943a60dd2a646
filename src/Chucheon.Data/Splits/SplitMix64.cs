namespace Chucheon.Data.Splits;

/// <summary>A small seeded generator (SplitMix64, Steele et al. 2014) whose output is fixed by this code alone, so a
/// split made today is reproduced bit for bit by any later runtime — unlike <see cref="System.Random"/>, whose seeded
/// sequence is an implementation detail.</summary>
public struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>An independent stream for one keyed entity (a user's raw id) under one experiment seed. Keying by raw id
    /// rather than dense id keeps a user's split unchanged when other users are filtered out and ids are renumbered.</summary>
    public static SplitMix64 ForKey(int seed, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // FNV-1a over the UTF-16 code units: stable across processes, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var mixer = new SplitMix64(hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
        return new SplitMix64(mixer.NextUInt64());
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var b = (ulong)bound;
        var high = Math.BigMul(NextUInt64(), b, out var low);
        if (low < b)
        {
            var threshold = (0UL - b) % b;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), b, out low);
            }
        }

        return (int)high;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Moves a uniformly random <paramref name="count"/>-subset of <paramref name="values"/> to its front, in random
    /// order (the first <paramref name="count"/> steps of a Fisher–Yates shuffle).</summary>
    public void PartialShuffle<T>(Span<T> values, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, values.Length);
        for (var i = 0; i < count; i++)
        {
            var j = i + NextInt(values.Length - i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
