using System.Numerics.Tensors;
using Chucheon.Models.Factorization;

namespace Chucheon.Models.Als;

/// <summary>One row's weighted least-squares problem of implicit ALS:
/// <c>(G + λI + Σ_i (c_i − 1) y_i y_iᵀ) x = Σ_i c_i y_i</c>, with G = YᵀY over all fixed-side rows and the sums over the
/// row's observed entries only (Hu, Koren and Volinsky 2008, eq. 4: the unobserved entries enter only through G).</summary>
/// <remarks>The matrix is never formed in the CG path: A·p is G·p plus one dot product and one axpy per observed entry,
/// so a step costs O(k² + n·k) instead of O(n·k²) (Takács, Pilászy and Tikk, "Applications of the conjugate gradient
/// method for implicit feedback collaborative filtering", RecSys 2011).</remarks>
public static class ImplicitLeastSquares
{
    /// <summary>Runs <paramref name="steps"/> conjugate-gradient steps from the current <paramref name="x"/> (warm start,
    /// so a few steps per sweep suffice). <paramref name="gram"/> may already include λ on its diagonal; <paramref name="lambda"/>
    /// is any additional per-row ridge. <paramref name="scratch"/> needs 3k floats.</summary>
    public static void ConjugateGradient(ReadOnlySpan<float> gram, float lambda, ReadOnlySpan<float> factors,
        ReadOnlySpan<int> rows, ReadOnlySpan<float> confidence, Span<float> x, int steps, Span<float> scratch)
    {
        var k = x.Length;
        var r = scratch[..k];
        var p = scratch.Slice(k, k);
        var ap = scratch.Slice(2 * k, k);

        // Residual r = b − A x, accumulated entry by entry: each observed row adds (c − (c − 1)·yᵀx)·y.
        FactorKernels.MultiplySquare(gram, x, r);
        TensorPrimitives.MultiplyAdd(x, lambda, r, r);
        TensorPrimitives.Negate(r, r);
        for (var e = 0; e < rows.Length; e++)
        {
            var y = factors.Slice(rows[e] * k, k);
            var c = confidence[e];
            FactorKernels.Axpy(c - ((c - 1) * TensorPrimitives.Dot(y, x)), y, r);
        }

        r.CopyTo(p);
        var rsOld = TensorPrimitives.Dot(r, r);
        for (var step = 0; step < steps && rsOld > 1e-20f; step++)
        {
            MultiplyImplicit(gram, lambda, factors, rows, confidence, p, ap);
            var alpha = rsOld / TensorPrimitives.Dot(p, ap);
            FactorKernels.Axpy(alpha, p, x);
            FactorKernels.Axpy(-alpha, ap, r);
            var rsNew = TensorPrimitives.Dot(r, r);

            // p = r + (rsNew / rsOld) p
            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    /// <summary>Exact solution by forming A and b in double and solving with Cholesky (fold-in and the reference solver).
    /// <paramref name="scratch"/> needs k² + k doubles.</summary>
    public static void Exact(ReadOnlySpan<float> gram, float lambda, ReadOnlySpan<float> factors,
        ReadOnlySpan<int> rows, ReadOnlySpan<float> confidence, Span<float> x, Span<double> scratch)
    {
        var k = x.Length;
        var a = scratch[..(k * k)];
        var b = scratch.Slice(k * k, k);
        Assemble(gram, lambda, factors, rows, confidence, a, b);
        DenseCholesky.Solve(a, b);
        for (var j = 0; j < k; j++) { x[j] = (float)b[j]; }
    }

    /// <summary>Forms A = G + λI + Σ (c − 1) y yᵀ and b = Σ c y explicitly, in double.</summary>
    public static void Assemble(ReadOnlySpan<float> gram, float lambda, ReadOnlySpan<float> factors,
        ReadOnlySpan<int> rows, ReadOnlySpan<float> confidence, Span<double> a, Span<double> b)
    {
        var k = b.Length;
        for (var j = 0; j < k * k; j++) { a[j] = gram[j]; }
        for (var j = 0; j < k; j++) { a[(j * k) + j] += lambda; }
        b.Clear();
        Span<double> y = k <= 512 ? stackalloc double[k] : new double[k];
        for (var e = 0; e < rows.Length; e++)
        {
            var row = factors.Slice(rows[e] * k, k);
            for (var j = 0; j < k; j++) { y[j] = row[j]; }
            TensorPrimitives.MultiplyAdd(y, (double)confidence[e], b, b);

            // Rank-one update of the lower triangle, one SIMD axpy per row of A; mirrored once at the end.
            var w = confidence[e] - 1.0;
            for (var j = 0; j < k; j++)
            {
                var aj = a.Slice(j * k, j + 1);
                TensorPrimitives.MultiplyAdd(y[..(j + 1)], w * y[j], aj, aj);
            }
        }

        for (var j = 0; j < k; j++)
        {
            for (var l = j + 1; l < k; l++) { a[(j * k) + l] = a[(l * k) + j]; }
        }
    }

    /// <summary>A·v without forming A.</summary>
    private static void MultiplyImplicit(ReadOnlySpan<float> gram, float lambda, ReadOnlySpan<float> factors,
        ReadOnlySpan<int> rows, ReadOnlySpan<float> confidence, ReadOnlySpan<float> v, Span<float> result)
    {
        var k = v.Length;
        FactorKernels.MultiplySquare(gram, v, result);
        if (lambda != 0) { FactorKernels.Axpy(lambda, v, result); }
        for (var e = 0; e < rows.Length; e++)
        {
            var y = factors.Slice(rows[e] * k, k);
            FactorKernels.Axpy((confidence[e] - 1) * TensorPrimitives.Dot(y, v), y, result);
        }
    }
}
