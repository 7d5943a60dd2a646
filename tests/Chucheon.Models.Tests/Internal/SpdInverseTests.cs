using Chucheon.Models.Internal;

namespace Chucheon.Models.Tests.Internal;

public sealed class SpdInverseTests
{
    private static readonly ParallelOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    // Sizes straddle the 4-wide tiles, the 32-row panels and the 64-column factor panels.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(31)]
    [InlineData(64)]
    [InlineData(67)]
    [InlineData(150)]
    public void Inverse_times_matrix_is_identity(int n)
    {
        var matrix = RandomSpd(n, seed: n);
        var inverse = (double[])matrix.Clone();
        SpdInverse.Invert(inverse, n, TwoThreads);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++) { sum += matrix[(i * n) + k] * inverse[(k * n) + j]; }
                Assert.True(Math.Abs(sum - (i == j ? 1 : 0)) < 1e-9, $"(A·A⁻¹)[{i},{j}] = {sum}");
            }

            for (var j = 0; j < n; j++)
            {
                Assert.Equal(inverse[(i * n) + j], inverse[(j * n) + i]);
            }
        }
    }

    [Fact]
    public void Only_the_lower_triangle_is_read()
    {
        const int n = 40;
        var matrix = RandomSpd(n, seed: 3);
        var garbage = (double[])matrix.Clone();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++) { garbage[(i * n) + j] = double.NaN; }
        }

        var expected = (double[])matrix.Clone();
        SpdInverse.Invert(expected, n, TwoThreads);
        SpdInverse.Invert(garbage, n, TwoThreads);
        Assert.Equal(expected, garbage);
    }

    [Fact]
    public void Indefinite_matrix_is_refused()
    {
        double[] matrix = [1, 2, 2, 1];
        var error = Assert.Throws<InvalidOperationException>(() => SpdInverse.Invert(matrix, 2, TwoThreads));
        Assert.Contains("not positive definite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_tile_matches_scalar_dot_products()
    {
        var random = new Random(5);
        const int n = 37;
        var m = new double[8 * n];
        for (var i = 0; i < m.Length; i++) { m[i] = random.NextDouble() - 0.5; }

        long[] left = [0, n, 2 * n, 3 * n];
        long[] right = [4 * n, 5 * n, 6 * n, 7 * n];
        var tile = new double[16];
        DenseKernels.DotTile(ref m[0], left, right, n, tile);
        for (var r = 0; r < 4; r++)
        {
            for (var s = 0; s < 4; s++)
            {
                var expected = System.Numerics.Tensors.TensorPrimitives.Dot<double>(m.AsSpan((int)left[r], n), m.AsSpan((int)right[s], n));
                Assert.Equal(expected, tile[(r * 4) + s], 12);
            }
        }
    }

    // B·Bᵀ + n·I for a random B: symmetric and well conditioned.
    internal static double[] RandomSpd(int n, int seed)
    {
        var random = new Random(seed);
        var b = new double[n * n];
        for (var i = 0; i < b.Length; i++) { b[i] = random.NextDouble() - 0.5; }

        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = i == j ? n : 0.0;
                for (var k = 0; k < n; k++) { sum += b[(i * n) + k] * b[(j * n) + k]; }
                a[(i * n) + j] = sum;
            }
        }

        return a;
    }
}
