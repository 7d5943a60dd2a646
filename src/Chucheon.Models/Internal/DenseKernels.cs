using System.Numerics;
using System.Runtime.CompilerServices;

namespace Chucheon.Models.Internal;

/// <summary>Register-blocked SIMD kernels on row-major double matrices; the inner loops of <see cref="SpdInverse"/>.</summary>
/// <remarks>
/// Every dense step of the inversion is a set of dot products between rows of one array, so one kernel serves all of
/// them: <see cref="DotTile"/> computes a 4×4 block of row dot products in a single pass. Reading 4 + 4 rows to feed
/// 16 fused multiply-adds halves the loads per flop against 16 separate dot products, which is what keeps the
/// factorization compute-bound instead of waiting on memory. Offsets are element offsets into one array (passed by
/// reference so the caller needs no pinning); callers guarantee they are in range, so no bounds checks run here.
/// </remarks>
internal static class DenseKernels
{
    /// <summary>c[4r + s] = Σ_{k&lt;length} m[aRows[r] + k] · m[bRows[s] + k] for r, s in 0..3.</summary>
    /// <param name="m">First element of the matrix array.</param>
    /// <param name="aRows">Four start offsets of the left rows (already advanced to the first k).</param>
    /// <param name="bRows">Four start offsets of the right rows (already advanced to the first k).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DotTile(ref double m, ReadOnlySpan<long> aRows, ReadOnlySpan<long> bRows, int length, Span<double> c)
    {
        var a0 = (nuint)aRows[0]; var a1 = (nuint)aRows[1]; var a2 = (nuint)aRows[2]; var a3 = (nuint)aRows[3];
        var b0 = (nuint)bRows[0]; var b1 = (nuint)bRows[1]; var b2 = (nuint)bRows[2]; var b3 = (nuint)bRows[3];
        var w = Vector<double>.Count;
        Vector<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector<double> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector<double> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector<double> c30 = default, c31 = default, c32 = default, c33 = default;
        nuint k = 0;
        var vectorEnd = (nuint)(length - (length % w));
        for (; k < vectorEnd; k += (nuint)w)
        {
            var y0 = Vector.LoadUnsafe(ref m, b0 + k);
            var y1 = Vector.LoadUnsafe(ref m, b1 + k);
            var y2 = Vector.LoadUnsafe(ref m, b2 + k);
            var y3 = Vector.LoadUnsafe(ref m, b3 + k);
            var x = Vector.LoadUnsafe(ref m, a0 + k);
            c00 = Vector.FusedMultiplyAdd(x, y0, c00); c01 = Vector.FusedMultiplyAdd(x, y1, c01);
            c02 = Vector.FusedMultiplyAdd(x, y2, c02); c03 = Vector.FusedMultiplyAdd(x, y3, c03);
            x = Vector.LoadUnsafe(ref m, a1 + k);
            c10 = Vector.FusedMultiplyAdd(x, y0, c10); c11 = Vector.FusedMultiplyAdd(x, y1, c11);
            c12 = Vector.FusedMultiplyAdd(x, y2, c12); c13 = Vector.FusedMultiplyAdd(x, y3, c13);
            x = Vector.LoadUnsafe(ref m, a2 + k);
            c20 = Vector.FusedMultiplyAdd(x, y0, c20); c21 = Vector.FusedMultiplyAdd(x, y1, c21);
            c22 = Vector.FusedMultiplyAdd(x, y2, c22); c23 = Vector.FusedMultiplyAdd(x, y3, c23);
            x = Vector.LoadUnsafe(ref m, a3 + k);
            c30 = Vector.FusedMultiplyAdd(x, y0, c30); c31 = Vector.FusedMultiplyAdd(x, y1, c31);
            c32 = Vector.FusedMultiplyAdd(x, y2, c32); c33 = Vector.FusedMultiplyAdd(x, y3, c33);
        }

        c[0] = Vector.Sum(c00); c[1] = Vector.Sum(c01); c[2] = Vector.Sum(c02); c[3] = Vector.Sum(c03);
        c[4] = Vector.Sum(c10); c[5] = Vector.Sum(c11); c[6] = Vector.Sum(c12); c[7] = Vector.Sum(c13);
        c[8] = Vector.Sum(c20); c[9] = Vector.Sum(c21); c[10] = Vector.Sum(c22); c[11] = Vector.Sum(c23);
        c[12] = Vector.Sum(c30); c[13] = Vector.Sum(c31); c[14] = Vector.Sum(c32); c[15] = Vector.Sum(c33);
        for (; k < (nuint)length; k++)
        {
            var x0 = Unsafe.Add(ref m, a0 + k); var x1 = Unsafe.Add(ref m, a1 + k);
            var x2 = Unsafe.Add(ref m, a2 + k); var x3 = Unsafe.Add(ref m, a3 + k);
            var y0 = Unsafe.Add(ref m, b0 + k); var y1 = Unsafe.Add(ref m, b1 + k);
            var y2 = Unsafe.Add(ref m, b2 + k); var y3 = Unsafe.Add(ref m, b3 + k);
            c[0] += x0 * y0; c[1] += x0 * y1; c[2] += x0 * y2; c[3] += x0 * y3;
            c[4] += x1 * y0; c[5] += x1 * y1; c[6] += x1 * y2; c[7] += x1 * y3;
            c[8] += x2 * y0; c[9] += x2 * y1; c[10] += x2 * y2; c[11] += x2 * y3;
            c[12] += x3 * y0; c[13] += x3 * y1; c[14] += x3 * y2; c[15] += x3 * y3;
        }
    }
}
