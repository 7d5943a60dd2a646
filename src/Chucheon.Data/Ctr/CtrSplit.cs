namespace Chucheon.Data.Ctr;

/// <summary>Train / validation / test parts of one CTR dataset.</summary>
public sealed record CtrSplit<T>(T Train, T Validation, T Test);

/// <summary>Seeded random row splits for CTR tables.</summary>
public static class CtrSplits
{
    /// <summary>Shuffles the rows with <see cref="SeededRandom"/> (xoshiro256**, fixed by this code, so the split is
    /// the same on every machine and .NET version) and cuts them into train / validation / test by the given
    /// fractions (the remainder is the test part).</summary>
    public static CtrSplit<RawCtrTable> Random(RawCtrTable table, double trainFraction, double validationFraction, int seed)
    {
        if (!(trainFraction > 0 && validationFraction >= 0 && trainFraction + validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), "Need 0 < train, 0 <= validation and train + validation < 1.");
        }

        var order = Enumerable.Range(0, table.Count).ToArray();
        var random = SeededRandom.Derive(seed, 0x5C7);
        random.Shuffle(order.AsSpan());
        var trainCount = (int)Math.Round(table.Count * trainFraction);
        var validationCount = (int)Math.Round(table.Count * validationFraction);
        return new CtrSplit<RawCtrTable>(
            table.Select(order[..trainCount]),
            table.Select(order[trainCount..(trainCount + validationCount)]),
            table.Select(order[(trainCount + validationCount)..]));
    }
}
