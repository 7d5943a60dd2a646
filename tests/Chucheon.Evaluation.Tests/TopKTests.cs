using FsCheck.Xunit;

namespace Chucheon.Evaluation.Tests;

public sealed class TopKTests
{
    /// <summary>The reference: a full sort by score descending then index ascending, after dropping the NaN and
    /// -Infinity entries that mark exclusions.</summary>
    private static int[] FullSortPrefix(float[] scores, int k) =>
        Enumerable.Range(0, scores.Length)
            .Where(i => !float.IsNaN(scores[i]) && !float.IsNegativeInfinity(scores[i]))
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(k).ToArray();

    /// <summary>Rows drawn from a handful of values so that ties are common, with exclusions and +Infinity sprinkled in,
    /// and lengths that exercise both the vector blocks and the scalar tail.</summary>
    private static float[] RandomRow(Random random, int length)
    {
        float[] palette = [0f, 0.25f, 0.5f, 1f, -3f, float.PositiveInfinity, float.NegativeInfinity, float.NaN];
        var row = new float[length];
        for (var i = 0; i < length; i++)
        {
            row[i] = random.NextDouble() < 0.5 ? palette[random.Next(palette.Length)] : (float)random.NextDouble();
        }

        return row;
    }

    [Property(MaxTest = 500)]
    public bool Equals_the_first_k_of_a_full_sort(int seed)
    {
        var random = new Random(seed);
        var row = RandomRow(random, random.Next(0, 300));
        var k = random.Next(1, 40);
        var (indices, scores) = TopK.Select(row, k);
        var expected = FullSortPrefix(row, k);
        return indices.SequenceEqual(expected) && scores.SequenceEqual(expected.Select(i => row[i]));
    }

    [Fact]
    public void Ties_prefer_the_lower_index()
    {
        float[] row = [1, 2, 2, 2, 1, 2];
        Assert.Equal([1, 2], TopK.Select(row, 2).Indices);
    }

    [Fact]
    public void Rows_with_fewer_candidates_than_k_return_what_there_is()
    {
        float[] row = [float.NegativeInfinity, 3, float.NaN, 1];
        var (indices, scores) = TopK.Select(row, 5);
        Assert.Equal([1, 3], indices);
        Assert.Equal([3f, 1f], scores);
    }

    [Fact]
    public void Large_random_row_matches_sort()
    {
        var random = new Random(11);
        var row = new float[10_007];
        for (var i = 0; i < row.Length; i++) { row[i] = (float)random.NextDouble(); }
        Assert.Equal(FullSortPrefix(row, 100), TopK.Select(row, 100).Indices);
    }
}
