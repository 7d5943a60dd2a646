using System.Numerics.Tensors;

namespace Chucheon.Models.Factorization;

/// <summary>Dense kernels on row-major factor matrices shared by the factorization models.</summary>
/// <remarks>Every reduction here has a fixed order that does not depend on the thread count, so a seeded fit gives
/// bit-identical factors with 1 or 16 threads.</remarks>
public static class FactorKernels
{
    /// <summary>Rows per partial Gram block: 1024 rows of 64 floats transposed is 256 KB, which stays in L2.</summary>
    private const int GramChunk = 1024;

    /// <summary>G = MᵀM for a row-major <paramref name="rows"/> × <paramref name="k"/> matrix, written as a full symmetric
    /// k × k matrix. Partial sums over fixed 1024-row chunks are reduced in chunk order (in double), so the result is the
    /// same for any degree of parallelism.</summary>
    public static void Gram(float[] matrix, int rows, int k, Span<float> gram, ParallelOptions? parallel = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(matrix.Length, rows * k);
        ArgumentOutOfRangeException.ThrowIfLessThan(gram.Length, k * k);
        var chunks = (rows + GramChunk - 1) / GramChunk;
        var partials = new float[chunks][];
        Parallel.For(0, chunks, parallel ?? new ParallelOptions(), () => new float[k * GramChunk], (chunk, _, transposed) =>
        {
            var start = chunk * GramChunk;
            var m = Math.Min(GramChunk, rows - start);

            // Transposing the chunk turns each Gram entry into one contiguous dot product of length m.
            for (var r = 0; r < m; r++)
            {
                var row = matrix.AsSpan((start + r) * k, k);
                for (var j = 0; j < k; j++) { transposed[(j * m) + r] = row[j]; }
            }

            var partial = new float[k * k];
            for (var j = 0; j < k; j++)
            {
                var cj = transposed.AsSpan(j * m, m);
                for (var l = j; l < k; l++)
                {
                    partial[(j * k) + l] = TensorPrimitives.Dot(cj, transposed.AsSpan(l * m, m));
                }
            }

            partials[chunk] = partial;
            return transposed;
        }, _ => { });

        for (var j = 0; j < k; j++)
        {
            for (var l = j; l < k; l++)
            {
                double sum = 0;
                foreach (var p in partials) { sum += p[(j * k) + l]; }
                gram[(j * k) + l] = gram[(l * k) + j] = (float)sum;
            }
        }
    }

    /// <summary>y = A x for a dense row-major k × k matrix.</summary>
    public static void MultiplySquare(ReadOnlySpan<float> a, ReadOnlySpan<float> x, Span<float> y)
    {
        var k = x.Length;
        for (var r = 0; r < k; r++) { y[r] = TensorPrimitives.Dot(a.Slice(r * k, k), x); }
    }

    /// <summary>y += alpha · x (BLAS axpy) on factor rows.</summary>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.MultiplyAdd(x, alpha, y, y);

    /// <summary>Cosine similarity needs row norms; zero rows get norm 0 (callers treat them as "no similarity").</summary>
    public static float[] RowNorms(ReadOnlySpan<float> matrix, int rows, int k)
    {
        var norms = new float[rows];
        for (var r = 0; r < rows; r++) { norms[r] = TensorPrimitives.Norm(matrix.Slice(r * k, k)); }
        return norms;
    }
}
