using Chucheon.Data.Splits;

namespace Chucheon.Data.Tests.Splits;

public class SplitMix64Tests
{
    [Fact]
    public void Matches_the_reference_sequence()
    {
        // Outputs of Vigna's splitmix64.c for seed 1234567: a change here would silently change every split.
        var random = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => random.NextUInt64()));
    }

    [Fact]
    public void Keyed_streams_are_stable_and_distinct()
    {
        Assert.Equal(SplitMix64.ForKey(42, "user-1").NextUInt64(), SplitMix64.ForKey(42, "user-1").NextUInt64());
        Assert.NotEqual(SplitMix64.ForKey(42, "user-1").NextUInt64(), SplitMix64.ForKey(43, "user-1").NextUInt64());
        Assert.NotEqual(SplitMix64.ForKey(42, "user-1").NextUInt64(), SplitMix64.ForKey(42, "user-2").NextUInt64());
    }

    [Fact]
    public void Bounded_draws_cover_the_range_evenly()
    {
        var random = new SplitMix64(7);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++) { counts[random.NextInt(6)]++; }
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Partial_shuffle_moves_a_subset_to_the_front_and_keeps_the_multiset()
    {
        var random = new SplitMix64(3);
        var values = Enumerable.Range(0, 10).ToArray();
        random.PartialShuffle(values.AsSpan(), 4);
        Assert.Equal(Enumerable.Range(0, 10), values.Order());
    }
}
