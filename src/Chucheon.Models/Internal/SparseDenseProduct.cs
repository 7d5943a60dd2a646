using System.Numerics;
using System.Runtime.CompilerServices;
using Chucheon.Data;

namespace Chucheon.Models.Internal;

/// <summary>Sparse history rows times a dense weight matrix: out[r,:] = Σ over the items i of user r's history of
/// W[i,:]. This is EASE scoring, and the "sparse-row × dense" benchmark kernel.</summary>
/// <remarks>
/// A history row is short (tens to hundreds of items) while W has n² entries, so the product is a sum of rows of W,
/// never a dense GEMM. Summing whole rows per user streams all of W from memory every few users, and memory
/// bandwidth is what a small machine lacks. Instead each worker owns whole column panels of a
/// <see cref="PanelMatrix"/>: for one panel it runs through every user of the batch, keeping the user's partial sums
/// in registers and reading only that panel (n × 64 floats, under 1 MB for 3,600 items, and contiguous so it costs
/// few TLB entries), which stays in the core's cache for the whole batch. W is then read from memory once per
/// batch, not once per user.
/// </remarks>
internal static class SparseDenseProduct
{
    public const int VectorsPerPanel = 8;

    /// <summary>Writes one row of n scores per user into <paramref name="output"/>. Items at or beyond n and users
    /// beyond the history are skipped, so unknown items add nothing and unknown users score zero everywhere.
    /// Histories are read as binary (presence).</summary>
    public static void Multiply(PanelMatrix weights, CsrMatrix history, ReadOnlySpan<int> users, Span<float> output, int threads)
    {
        var n = weights.N;
        var rows = users.Length;
        // The batch's histories, restricted to known items, as panel row offsets in one array the workers share.
        var total = 0;
        foreach (var user in users)
        {
            if ((uint)user < (uint)history.Rows) { total += history.RowLength(user); }
        }

        var pointers = new int[rows + 1];
        var offsets = new long[total];
        var count = 0;
        for (var r = 0; r < rows; r++)
        {
            if ((uint)users[r] < (uint)history.Rows)
            {
                foreach (var i in history.RowIndices(users[r]))
                {
                    if ((uint)i < (uint)n) { offsets[count++] = (long)i * weights.Width; }
                }
            }

            pointers[r + 1] = count;
        }

        ParallelRows.ForBlocks(output[..(rows * n)], weights.Panels, threads,
            (panel, all) => Panel(weights, panel, pointers, offsets, all));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Panel(PanelMatrix weights, int panel, int[] pointers, long[] offsets, Span<float> output)
    {
        var n = weights.N;
        var w = Vector<float>.Count;
        var c0 = panel * weights.Width;
        var columns = Math.Min(weights.Width, n - c0);
        ref var start = ref weights.Data[(long)panel * n * weights.Width];
        Span<float> partial = stackalloc float[weights.Width];
        for (var r = 0; r + 1 < pointers.Length; r++)
        {
            Vector<float> s0 = default, s1 = default, s2 = default, s3 = default;
            Vector<float> s4 = default, s5 = default, s6 = default, s7 = default;
            for (var p = pointers[r]; p < pointers[r + 1]; p++)
            {
                var at = (nuint)offsets[p];
                s0 += Vector.LoadUnsafe(ref start, at);
                s1 += Vector.LoadUnsafe(ref start, at + (nuint)w);
                s2 += Vector.LoadUnsafe(ref start, at + (nuint)(2 * w));
                s3 += Vector.LoadUnsafe(ref start, at + (nuint)(3 * w));
                s4 += Vector.LoadUnsafe(ref start, at + (nuint)(4 * w));
                s5 += Vector.LoadUnsafe(ref start, at + (nuint)(5 * w));
                s6 += Vector.LoadUnsafe(ref start, at + (nuint)(6 * w));
                s7 += Vector.LoadUnsafe(ref start, at + (nuint)(7 * w));
            }

            // Full panels store straight into the row; the padded last panel goes through a buffer.
            var target = columns == weights.Width ? output.Slice((r * n) + c0, columns) : partial;
            s0.CopyTo(target); s1.CopyTo(target[w..]); s2.CopyTo(target[(2 * w)..]); s3.CopyTo(target[(3 * w)..]);
            s4.CopyTo(target[(4 * w)..]); s5.CopyTo(target[(5 * w)..]); s6.CopyTo(target[(6 * w)..]); s7.CopyTo(target[(7 * w)..]);
            if (columns < weights.Width)
            {
                partial[..columns].CopyTo(output.Slice((r * n) + c0, columns));
            }
        }
    }
}
