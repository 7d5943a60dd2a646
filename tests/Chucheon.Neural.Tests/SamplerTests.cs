using Chucheon.Data;
using Chucheon.Neural.Training;

namespace Chucheon.Neural.Tests;

public sealed class SamplerTests
{
    [Theory]
    [InlineData(NegativeSampling.Uniform)]
    [InlineData(NegativeSampling.Popularity)]
    [InlineData(NegativeSampling.InBatch)]
    public void NegativesExcludeKnownPositives(NegativeSampling kind)
    {
        // User u knows items u..u+5 of 10: half the catalog is off limits.
        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < 8; u++)
        {
            for (var i = 0; i < 5; i++) { rows.Add(u); cols.Add((u + i) % 10); }
        }

        var known = CsrMatrix.FromCoordinates(8, 10, rows.ToArray(), cols.ToArray(), []);
        var sampler = NegativeSamplers.Create(kind, known);
        var users = Enumerable.Range(0, 8).ToArray();
        var positives = users.Select(u => u % 10).ToArray();
        var negatives = new int[users.Length * 6];
        var random = new Random(3);
        for (var round = 0; round < 50; round++)
        {
            sampler.Sample(users, positives, 6, random, negatives);
            for (var r = 0; r < users.Length; r++)
            {
                for (var k = 0; k < 6; k++)
                {
                    Assert.False(known.Contains(users[r], negatives[(r * 6) + k]), $"{kind} returned a known positive");
                }
            }
        }
    }

    [Fact]
    public void PopularitySamplerPrefersPopularItems()
    {
        // Item 0 is known to 50 users, item 1 to one.
        var rows = Enumerable.Range(0, 50).Append(0).ToArray();
        var cols = Enumerable.Repeat(0, 50).Append(1).ToArray();
        var known = CsrMatrix.FromCoordinates(60, 2, rows, cols, []);
        var sampler = NegativeSamplers.Create(NegativeSampling.Popularity, known, popularityExponent: 1);
        var users = Enumerable.Range(50, 10).ToArray();
        var negatives = new int[users.Length * 100];
        sampler.Sample(users, new int[users.Length], 100, new Random(1), negatives);
        Assert.True(negatives.Count(i => i == 0) > negatives.Length * 0.8);
    }
}
