using Chucheon.Data;
using Chucheon.Models.Als;
using Chucheon.Models.Factorization;
using Chucheon.Models.Tests.Factorization;

namespace Chucheon.Models.Tests.Als;

public class ImplicitLeastSquaresTests
{
    [Theory]
    [InlineData(4, 30, 5, 1)]
    [InlineData(8, 50, 12, 2)]
    [InlineData(16, 200, 40, 3)]
    public void ConjugateGradientWithKStepsMatchesDirectSolve(int k, int items, int observed, int seed)
    {
        var (y, rows, confidence, gram, lambda) = RandomSystem(k, items, observed, seed);
        var reference = DenseReference.ImplicitRow(y, items, k,
            rows.Select((r, e) => (r, c: (double)confidence[e])).ToDictionary(t => t.r, t => t.c), lambda);

        var exact = new float[k];
        ImplicitLeastSquares.Exact(gram, lambda, y, rows, confidence, exact, new double[(k * k) + k]);
        var cg = new float[k];
        ImplicitLeastSquares.ConjugateGradient(gram, lambda, y, rows, confidence, cg, 3 * k, new float[3 * k]);
        for (var j = 0; j < k; j++)
        {
            Assert.Equal(reference[j], exact[j], 1e-4);
            Assert.Equal(reference[j], cg[j], 2e-3);
        }
    }

    [Fact]
    public void ThreeWarmStartedStepsShrinkTheError()
    {
        const int k = 16;
        var (y, rows, confidence, gram, lambda) = RandomSystem(k, 300, 30, 9);
        var exact = new float[k];
        ImplicitLeastSquares.Exact(gram, lambda, y, rows, confidence, exact, new double[(k * k) + k]);
        var x = new float[k];
        var previous = Distance(x, exact);
        for (var sweep = 0; sweep < 4; sweep++)
        {
            ImplicitLeastSquares.ConjugateGradient(gram, lambda, y, rows, confidence, x, 3, new float[3 * k]);
            var now = Distance(x, exact);
            Assert.True(now < previous, $"sweep {sweep}: error {now} did not drop below {previous}");
            previous = now;
        }
    }

    [Fact]
    public void GramPlusLambdaOnDiagonalEqualsSeparateLambda()
    {
        const int k = 6;
        var (y, rows, confidence, gram, lambda) = RandomSystem(k, 40, 8, 4);
        var withDiagonal = (float[])gram.Clone();
        for (var j = 0; j < k; j++) { withDiagonal[(j * k) + j] += lambda; }
        var a = new float[k];
        var b = new float[k];
        ImplicitLeastSquares.Exact(gram, lambda, y, rows, confidence, a, new double[(k * k) + k]);
        ImplicitLeastSquares.Exact(withDiagonal, 0, y, rows, confidence, b, new double[(k * k) + k]);
        Assert.Equal(a, b, (p, q) => Math.Abs(p - q) < 1e-5);
    }

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (p, q) => (double)(p - q) * (p - q)).Sum());

    private static (float[] Y, int[] Rows, float[] Confidence, float[] Gram, float Lambda) RandomSystem(int k, int items, int observed, int seed)
    {
        var random = new SeededRandom((ulong)seed);
        var y = Enumerable.Range(0, items * k).Select(_ => (float)(random.NextGaussian() * 0.3)).ToArray();
        var order = Enumerable.Range(0, items).ToArray();
        random.Shuffle(order.AsSpan());
        var rows = order[..observed].Order().ToArray();
        var confidence = rows.Select(_ => 1f + (random.NextFloat() * 20f)).ToArray();
        var gram = new float[k * k];
        FactorKernels.Gram(y, items, k, gram);
        return (y, rows, confidence, gram, 0.1f);
    }
}
