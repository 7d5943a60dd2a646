using Chucheon.Data;
using Chucheon.Models.Factorization;

namespace Chucheon.Models.Tests.Factorization;

public class FactorKernelsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(2500, 16)]
    public void GramMatchesNaiveSumAndIgnoresThreadCount(int rows, int k)
    {
        var random = new SeededRandom(5);
        var m = Enumerable.Range(0, rows * k).Select(_ => (float)random.NextGaussian()).ToArray();
        var one = new float[k * k];
        var many = new float[k * k];
        FactorKernels.Gram(m, rows, k, one, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        FactorKernels.Gram(m, rows, k, many, new ParallelOptions { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one, many);
        for (var j = 0; j < k; j++)
        {
            for (var l = 0; l < k; l++)
            {
                double expected = 0;
                for (var r = 0; r < rows; r++) { expected += (double)m[(r * k) + j] * m[(r * k) + l]; }
                Assert.Equal(expected, one[(j * k) + l], Math.Max(1e-3, Math.Abs(expected) * 1e-4));
            }
        }
    }

    [Theory]
    [InlineData(1, 1, 1, false)]
    [InlineData(37, 5, 3, true)]
    [InlineData(100, 64, 9, true)]
    [InlineData(1100, 17, 6, false)]
    public void PackedPanelsScoreLikeDotProducts(int items, int k, int users, bool withBias)
    {
        var random = new SeededRandom(11);
        var y = Enumerable.Range(0, items * k).Select(_ => (float)random.NextGaussian()).ToArray();
        var x = Enumerable.Range(0, users * k).Select(_ => (float)random.NextGaussian()).ToArray();
        var bias = withBias ? Enumerable.Range(0, items).Select(_ => (float)random.NextGaussian()).ToArray() : [];
        var scores = new float[users * items];
        new PackedItemPanels(y, items, k, bias).Score(x, users, scores);
        for (var u = 0; u < users; u++)
        {
            for (var i = 0; i < items; i++)
            {
                double expected = withBias ? bias[i] : 0;
                for (var f = 0; f < k; f++) { expected += (double)x[(u * k) + f] * y[(i * k) + f]; }
                Assert.Equal(expected, scores[(u * items) + i], 1e-3);
            }
        }
    }

    [Fact]
    public void CholeskySolvesSpdSystem()
    {
        const int k = 12;
        var random = new SeededRandom(2);
        var m = Enumerable.Range(0, k * k).Select(_ => random.NextGaussian()).ToArray();
        var a = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                for (var p = 0; p < k; p++) { a[(i * k) + j] += m[(p * k) + i] * m[(p * k) + j]; }
            }

            a[(i * k) + i] += 0.5;
        }

        var x = Enumerable.Range(0, k).Select(_ => random.NextGaussian()).ToArray();
        var b = new double[k];
        for (var i = 0; i < k; i++) { for (var j = 0; j < k; j++) { b[i] += a[(i * k) + j] * x[j]; } }
        DenseCholesky.Solve((double[])a.Clone(), b);
        for (var i = 0; i < k; i++) { Assert.Equal(x[i], b[i], 1e-8); }
        Assert.Throws<ArithmeticException>(() => DenseCholesky.Solve(new double[] { -1 }, new double[] { 1 }));
    }

    [Fact]
    public void SeededRandomIsReproducibleAndInRange()
    {
        var a = SeededRandom.Derive(42, 1, 2);
        var b = SeededRandom.Derive(42, 1, 2);
        var c = SeededRandom.Derive(42, 2, 1);
        var fromA = Enumerable.Range(0, 100).Select(_ => a.NextInt(7)).ToArray();
        Assert.Equal(fromA, Enumerable.Range(0, 100).Select(_ => b.NextInt(7)).ToArray());
        Assert.NotEqual(fromA, Enumerable.Range(0, 100).Select(_ => c.NextInt(7)).ToArray());
        Assert.All(fromA, v => Assert.InRange(v, 0, 6));
        Assert.Equal(7, fromA.Distinct().Count());
    }
}
