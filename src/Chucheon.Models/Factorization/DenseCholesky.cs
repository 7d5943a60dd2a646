using System.Numerics.Tensors;

namespace Chucheon.Models.Factorization;

/// <summary>In-place Cholesky factorisation and solve for small dense symmetric positive-definite systems (k × k with k
/// the number of factors), in double precision because fold-in promises the exact least-squares solution.</summary>
public static class DenseCholesky
{
    /// <summary>Solves A x = b, overwriting <paramref name="a"/> (row-major k × k) with its Cholesky factor and
    /// <paramref name="b"/> with x. Throws when A is not positive definite (a regularised normal matrix always is).</summary>
    public static void Solve(Span<double> a, Span<double> b)
    {
        var k = b.Length;
        if (a.Length < k * k)
        {
            throw new ArgumentException($"Matrix must hold {k}x{k} entries.", nameof(a));
        }

        // A = L Lᵀ, L stored in the lower triangle.
        for (var j = 0; j < k; j++)
        {
            var rowJ = a.Slice(j * k, k);
            var d = rowJ[j] - TensorPrimitives.Dot(rowJ[..j], rowJ[..j]);
            if (!(d > 0))
            {
                throw new ArithmeticException($"Matrix is not positive definite (pivot {j} = {d}).");
            }

            var ljj = Math.Sqrt(d);
            rowJ[j] = ljj;
            for (var i = j + 1; i < k; i++)
            {
                var rowI = a.Slice(i * k, k);
                rowI[j] = (rowI[j] - TensorPrimitives.Dot(rowI[..j], rowJ[..j])) / ljj;
            }
        }

        // Forward substitution L z = b, then back substitution Lᵀ x = z.
        for (var i = 0; i < k; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot(a.Slice(i * k, i), b[..i])) / a[(i * k) + i];
        }

        for (var i = k - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var p = i + 1; p < k; p++) { s -= a[(p * k) + i] * b[p]; }
            b[i] = s / a[(i * k) + i];
        }
    }
}
