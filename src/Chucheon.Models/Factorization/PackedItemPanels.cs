using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Chucheon.Models.Factorization;

/// <summary>Item factors re-laid out for scoring: panels of W items (W = SIMD width) stored factor-major, so one user's
/// scores for W items are k fused multiply-adds of a panel row by a broadcast user factor, with no horizontal sums.</summary>
/// <remarks>The classic GEMM packing idea (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication",
/// ACM TOMS 2008). Panels are visited in blocks that fit in L2 while every user of the caller's chunk passes over them,
/// so memory traffic is items × factors per chunk of users rather than per user.</remarks>
public sealed class PackedItemPanels
{
    /// <summary>Panels per cache block: 64 × 16 items × 64 factors × 4 bytes = 256 KB.</summary>
    private const int PanelsPerBlock = 64;

    private readonly float[] _data;
    private readonly float[] _bias;

    public PackedItemPanels(ReadOnlySpan<float> itemFactors, int items, int factors, ReadOnlySpan<float> itemBias = default)
    {
        Width = Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector256<float>.Count;
        Items = items;
        Factors = factors;
        Panels = (items + Width - 1) / Width;
        _data = new float[Panels * factors * Width];
        _bias = new float[Panels * Width];
        for (var i = 0; i < items; i++)
        {
            var panel = i / Width;
            var lane = i % Width;
            var row = itemFactors.Slice(i * factors, factors);
            var baseOffset = panel * factors * Width;
            for (var f = 0; f < factors; f++) { _data[baseOffset + (f * Width) + lane] = row[f]; }
            if (!itemBias.IsEmpty) { _bias[i] = itemBias[i]; }
        }
    }

    public int Width { get; }

    public int Items { get; }

    public int Factors { get; }

    public int Panels { get; }

    /// <summary>scores[u, i] = users[u] · item[i] + bias[i] for <paramref name="userCount"/> row-major user vectors.</summary>
    public void Score(ReadOnlySpan<float> users, int userCount, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users.Length, userCount * Factors);
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, userCount * Items);
        for (var block = 0; block < Panels; block += PanelsPerBlock)
        {
            var end = Math.Min(Panels, block + PanelsPerBlock);
            for (var g = 0; g < userCount; g += 4)
            {
                var n = Math.Min(4, userCount - g);
                if (Width == 16) { Group512(users, g, n, block, end, scores); }
                else { Group256(users, g, n, block, end, scores); }
            }
        }
    }

    // Four users share each panel load; two accumulators per user (even and odd factors) halve the FMA dependency chain.
    private void Group512(ReadOnlySpan<float> users, int g, int n, int firstPanel, int endPanel, Span<float> scores)
    {
        var k = Factors;
        var x0 = users.Slice(g * k, k);
        var x1 = n > 1 ? users.Slice((g + 1) * k, k) : x0;
        var x2 = n > 2 ? users.Slice((g + 2) * k, k) : x0;
        var x3 = n > 3 ? users.Slice((g + 3) * k, k) : x0;
        var bias = MemoryMarshal.Cast<float, Vector512<float>>(_bias);
        for (var p = firstPanel; p < endPanel; p++)
        {
            var panel = MemoryMarshal.Cast<float, Vector512<float>>(_data.AsSpan(p * k * 16, k * 16));
            Vector512<float> a0 = bias[p], a1 = a0, a2 = a0, a3 = a0;
            Vector512<float> b0 = Vector512<float>.Zero, b1 = b0, b2 = b0, b3 = b0;
            var f = 0;
            for (; f + 1 < k; f += 2)
            {
                var y = panel[f];
                var z = panel[f + 1];
                a0 = Vector512.FusedMultiplyAdd(y, Vector512.Create(x0[f]), a0);
                a1 = Vector512.FusedMultiplyAdd(y, Vector512.Create(x1[f]), a1);
                a2 = Vector512.FusedMultiplyAdd(y, Vector512.Create(x2[f]), a2);
                a3 = Vector512.FusedMultiplyAdd(y, Vector512.Create(x3[f]), a3);
                b0 = Vector512.FusedMultiplyAdd(z, Vector512.Create(x0[f + 1]), b0);
                b1 = Vector512.FusedMultiplyAdd(z, Vector512.Create(x1[f + 1]), b1);
                b2 = Vector512.FusedMultiplyAdd(z, Vector512.Create(x2[f + 1]), b2);
                b3 = Vector512.FusedMultiplyAdd(z, Vector512.Create(x3[f + 1]), b3);
            }

            if (f < k)
            {
                var y = panel[f];
                a0 = Vector512.FusedMultiplyAdd(y, Vector512.Create(x0[f]), a0);
                a1 = Vector512.FusedMultiplyAdd(y, Vector512.Create(x1[f]), a1);
                a2 = Vector512.FusedMultiplyAdd(y, Vector512.Create(x2[f]), a2);
                a3 = Vector512.FusedMultiplyAdd(y, Vector512.Create(x3[f]), a3);
            }

            Store(a0 + b0, scores, g, p);
            if (n > 1) { Store(a1 + b1, scores, g + 1, p); }
            if (n > 2) { Store(a2 + b2, scores, g + 2, p); }
            if (n > 3) { Store(a3 + b3, scores, g + 3, p); }
        }
    }

    private void Group256(ReadOnlySpan<float> users, int g, int n, int firstPanel, int endPanel, Span<float> scores)
    {
        var k = Factors;
        var x0 = users.Slice(g * k, k);
        var x1 = n > 1 ? users.Slice((g + 1) * k, k) : x0;
        var x2 = n > 2 ? users.Slice((g + 2) * k, k) : x0;
        var x3 = n > 3 ? users.Slice((g + 3) * k, k) : x0;
        var bias = MemoryMarshal.Cast<float, Vector256<float>>(_bias);
        for (var p = firstPanel; p < endPanel; p++)
        {
            var panel = MemoryMarshal.Cast<float, Vector256<float>>(_data.AsSpan(p * k * 8, k * 8));
            Vector256<float> a0 = bias[p], a1 = a0, a2 = a0, a3 = a0;
            for (var f = 0; f < k; f++)
            {
                var y = panel[f];
                a0 = Vector256.FusedMultiplyAdd(y, Vector256.Create(x0[f]), a0);
                a1 = Vector256.FusedMultiplyAdd(y, Vector256.Create(x1[f]), a1);
                a2 = Vector256.FusedMultiplyAdd(y, Vector256.Create(x2[f]), a2);
                a3 = Vector256.FusedMultiplyAdd(y, Vector256.Create(x3[f]), a3);
            }

            Store(a0, scores, g, p);
            if (n > 1) { Store(a1, scores, g + 1, p); }
            if (n > 2) { Store(a2, scores, g + 2, p); }
            if (n > 3) { Store(a3, scores, g + 3, p); }
        }
    }

    private void Store<TVector>(TVector value, Span<float> scores, int user, int panel) where TVector : struct
    {
        var start = panel * Width;
        var valid = Math.Min(Width, Items - start);
        var lanes = MemoryMarshal.Cast<TVector, float>(MemoryMarshal.CreateReadOnlySpan(ref value, 1));
        lanes[..valid].CopyTo(scores.Slice((user * Items) + start, valid));
    }
}
