using System.Numerics;
using System.Runtime.InteropServices;

namespace Chucheon.Models.Internal;

/// <summary>A dense n×n float matrix stored as column panels: panel p holds columns [pW, pW + W) of every row,
/// row after row, so one panel is a contiguous n×W block (the last one zero-padded). The layout that
/// <see cref="SparseDenseProduct"/> reads.</summary>
/// <remarks>W is eight SIMD vectors (64 floats with 256-bit vectors). The layout is a property of the running
/// machine, so artifacts store plain row-major values and convert on load.</remarks>
internal sealed class PanelMatrix
{
    public PanelMatrix(int n)
    {
        N = n;
        Width = SparseDenseProduct.VectorsPerPanel * Vector<float>.Count;
        Panels = (n + Width - 1) / Width;
        Data = new float[(long)Panels * n * Width];
    }

    public int N { get; }

    public int Width { get; }

    public int Panels { get; }

    public float[] Data { get; }

    public long IndexOf(int row, int column) => ((long)(column / Width) * N * Width) + ((long)row * Width) + (column % Width);

    public float this[int row, int column]
    {
        get => Data[IndexOf(row, column)];
        set => Data[IndexOf(row, column)] = value;
    }

    /// <summary>Row <paramref name="row"/> into <paramref name="destination"/> (length n).</summary>
    public void CopyRow(int row, Span<float> destination)
    {
        for (var p = 0; p < Panels; p++)
        {
            var c0 = p * Width;
            var count = Math.Min(Width, N - c0);
            MemoryMarshal.CreateReadOnlySpan(ref Data[IndexOf(row, c0)], count).CopyTo(destination.Slice(c0, count));
        }
    }

    public float[] ToRowMajor()
    {
        var result = new float[(long)N * N];
        for (var i = 0; i < N; i++) { CopyRow(i, MemoryMarshal.CreateSpan(ref result[(long)i * N], N)); }
        return result;
    }

    /// <summary>The part of row <paramref name="row"/> that lies in panel <paramref name="panel"/> (columns
    /// [panel·W, panel·W + W) clipped to n), contiguous in memory.</summary>
    public Span<float> RowSlice(int row, int panel)
    {
        var c0 = panel * Width;
        return MemoryMarshal.CreateSpan(ref Data[IndexOf(row, c0)], Math.Min(Width, N - c0));
    }

    public static PanelMatrix FromRowMajor(float[] values, int n)
    {
        var matrix = new PanelMatrix(n);
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < matrix.Panels; p++)
            {
                var slice = matrix.RowSlice(i, p);
                MemoryMarshal.CreateReadOnlySpan(ref values[((long)i * n) + (p * matrix.Width)], slice.Length).CopyTo(slice);
            }
        }

        return matrix;
    }
}
