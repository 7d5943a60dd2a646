using Chucheon.Data;

namespace Chucheon.Neural.Training;

public enum NegativeSampling
{
    Uniform,
    Popularity,
    InBatch,
}

/// <summary>Draws negative items for (user, positive item) rows, excluding each user's known positives.</summary>
public interface INegativeSampler
{
    /// <summary>Fills <paramref name="negatives"/> (rows × perRow, row-major) for the given rows.</summary>
    void Sample(ReadOnlySpan<int> users, ReadOnlySpan<int> positives, int perRow, Random random, Span<int> negatives);
}

/// <summary>Builds the configured sampler; <paramref name="known"/> is the user→item matrix whose entries are never
/// returned as negatives.</summary>
public static class NegativeSamplers
{
    public static INegativeSampler Create(NegativeSampling kind, CsrMatrix known, double popularityExponent = 0.75) => kind switch
    {
        NegativeSampling.Uniform => new UniformSampler(known),
        NegativeSampling.Popularity => new PopularitySampler(known, popularityExponent),
        NegativeSampling.InBatch => new InBatchSampler(known),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Rejection sampling gives up after this many draws per negative (a user who has seen almost the whole
    /// catalog) and takes the last draw, so a pathological user cannot stall training.</summary>
    internal const int MaxTries = 64;
}

/// <summary>Every item equally likely.</summary>
public sealed class UniformSampler(CsrMatrix known) : INegativeSampler
{
    public void Sample(ReadOnlySpan<int> users, ReadOnlySpan<int> positives, int perRow, Random random, Span<int> negatives)
    {
        var items = known.Columns;
        for (var r = 0; r < users.Length; r++)
        {
            for (var k = 0; k < perRow; k++)
            {
                int item;
                var tries = 0;
                do { item = random.Next(items); }
                while (known.Contains(users[r], item) && ++tries < NegativeSamplers.MaxTries);
                negatives[(r * perRow) + k] = item;
            }
        }
    }
}

/// <summary>Items drawn in proportion to count^exponent (word2vec's 0.75 by default): popular items are harder
/// negatives. Uses a cumulative table and binary search.</summary>
public sealed class PopularitySampler : INegativeSampler
{
    private readonly CsrMatrix _known;
    private readonly double[] _cumulative;

    public PopularitySampler(CsrMatrix known, double exponent)
    {
        _known = known;
        var counts = new double[known.Columns];
        foreach (var item in known.ColumnIndices) { counts[item]++; }
        _cumulative = new double[known.Columns];
        var total = 0.0;
        for (var i = 0; i < counts.Length; i++)
        {
            // +1 keeps never-seen items reachable.
            total += Math.Pow(counts[i] + 1, exponent);
            _cumulative[i] = total;
        }
    }

    public void Sample(ReadOnlySpan<int> users, ReadOnlySpan<int> positives, int perRow, Random random, Span<int> negatives)
    {
        var total = _cumulative[^1];
        for (var r = 0; r < users.Length; r++)
        {
            for (var k = 0; k < perRow; k++)
            {
                int item;
                var tries = 0;
                do
                {
                    var index = Array.BinarySearch(_cumulative, random.NextDouble() * total);
                    item = Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
                }
                while (_known.Contains(users[r], item) && ++tries < NegativeSamplers.MaxTries);
                negatives[(r * perRow) + k] = item;
            }
        }
    }
}

/// <summary>Negatives are the positives of other rows in the same batch (popularity-distributed for free and cheap on
/// an accelerator). Other rows' items the user already knows are skipped; when the batch has too few usable items,
/// uniform draws fill the gap.</summary>
public sealed class InBatchSampler(CsrMatrix known) : INegativeSampler
{
    private readonly UniformSampler _fallback = new(known);

    public void Sample(ReadOnlySpan<int> users, ReadOnlySpan<int> positives, int perRow, Random random, Span<int> negatives)
    {
        var rows = users.Length;
        for (var r = 0; r < rows; r++)
        {
            var filled = 0;
            for (var tries = 0; filled < perRow && tries < perRow * 4 && rows > 1; tries++)
            {
                var other = random.Next(rows - 1);
                if (other >= r) { other++; }
                var item = positives[other];
                if (!known.Contains(users[r], item))
                {
                    negatives[(r * perRow) + filled++] = item;
                }
            }

            if (filled < perRow)
            {
                _fallback.Sample(users.Slice(r, 1), positives.Slice(r, 1), perRow - filled, random,
                    negatives.Slice((r * perRow) + filled, perRow - filled));
            }
        }
    }
}
