using Chucheon.Data;
using Chucheon.Models.Bpr;
using Chucheon.Models.Factorization;
using Chucheon.Models.Tests.Factorization;

namespace Chucheon.Models.Tests.Bpr;

public class SamplingTests
{
    [Fact]
    public void AliasTableDrawsInProportionToWeights()
    {
        double[] weights = [1, 0, 3, 6];
        var table = new AliasTable(weights);
        var random = new SeededRandom(1);
        var counts = new int[4];
        const int draws = 200_000;
        for (var d = 0; d < draws; d++) { counts[table.Sample(ref random)]++; }
        Assert.Equal(0, counts[1]);
        for (var i = 0; i < 4; i++) { Assert.Equal(weights[i] / 10, counts[i] / (double)draws, 2); }
        Assert.True(new AliasTable([0.0, 0.0]).IsEmpty);
        Assert.Throws<ArgumentException>(() => new AliasTable([1.0, -1.0]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void StrataCoverEveryPairOnceAndShareNoRowsWithinASubEpoch(int blocks)
    {
        var data = new LowRankData().Dataset.UserItems;
        var rowOf = Enumerable.Range(0, data.Rows).SelectMany(u => Enumerable.Repeat(u, data.RowLength(u))).ToArray();
        var random = new SeededRandom(4);
        var plan = StratifiedEpoch.Build(data, rowOf, blocks, ref random, null, new int[data.NonZeros]);

        var seen = new List<int>();
        for (var shift = 0; shift < blocks; shift++)
        {
            var users = new HashSet<int>();
            var items = new HashSet<int>();
            for (var t = 0; t < blocks; t++)
            {
                var stratum = plan.Stratum(t, (t + shift) % blocks).ToArray();
                seen.AddRange(stratum);
                var u = stratum.Select(p => rowOf[p]).ToHashSet();
                var i = stratum.Select(p => data.ColumnIndices[p]).ToHashSet();
                Assert.False(users.Overlaps(u));
                Assert.False(items.Overlaps(i));
                users.UnionWith(u);
                items.UnionWith(i);
            }
        }

        Assert.Equal(Enumerable.Range(0, data.NonZeros), seen.Order());
    }

    [Fact]
    public void NegativesAreNeverKnownPositivesAndComeFromTheStratumBlock()
    {
        var data = new LowRankData().Dataset.UserItems;
        var rowOf = Enumerable.Range(0, data.Rows).SelectMany(u => Enumerable.Repeat(u, data.RowLength(u))).ToArray();
        var random = new SeededRandom(9);
        var weights = Enumerable.Range(0, data.Columns).Select(i => (double)(i % 5)).ToArray();
        var plan = StratifiedEpoch.Build(data, rowOf, 2, ref random, weights, new int[data.NonZeros]);
        for (var block = 0; block < 2; block++)
        {
            var blockItems = plan.Stratum(block, block).ToArray().Select(p => data.ColumnIndices[p]).ToHashSet();
            for (var u = 0; u < data.Rows; u++)
            {
                var j = plan.SampleNegative(block, data.RowIndices(u), ref random);
                if (j < 0) { continue; }
                Assert.False(data.Contains(u, j));
                Assert.NotEqual(0, j % 5);
            }
        }
    }
}
