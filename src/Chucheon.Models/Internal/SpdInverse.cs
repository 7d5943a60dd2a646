namespace Chucheon.Models.Internal;

/// <summary>In-place inverse of a symmetric positive definite matrix (row-major doubles) through its Cholesky factor,
/// blocked into 4×4 tiles so that almost all flops run in <see cref="DenseKernels.DotTile"/>.</summary>
/// <remarks>
/// Three passes, each n³/6 multiply-adds, all reading rows contiguously:
/// <list type="number">
/// <item>A = L·Lᵀ, row-oriented Cholesky–Crout: L[i,j] = (A[i,j] − L[i,:j]·L[j,:j]) / L[j,j]. Panels of 64 columns
/// are finished left to right; the tiles below a panel are independent and run in parallel.</item>
/// <item>X = L⁻ᵀ (upper triangular) row by row from X·Lᵀ = I: X[i,j] = −X[i,i:j]·L[j,i:j] / L[j,j]. Rows are
/// independent, so row panels run in parallel.</item>
/// <item>A⁻¹ = L⁻ᵀL⁻¹ = X·Xᵀ, so (A⁻¹)[i,j] = X[i,j:]·X[j,j:], again row dot products.</item>
/// </list>
/// Only one n×n array is used: L lives in the strict lower triangle, X in the upper triangle (the diagonals are kept in
/// two vectors), and the product is written into the lower triangle once L is no longer needed, then mirrored. This
/// is LAPACK's potrf/trtri/lauum split (Golub &amp; Van Loan, Matrix Computations, §4.2), arranged for row-major dots.
/// </remarks>
internal static class SpdInverse
{
    private const int Tile = 4;
    private const int FactorPanel = 64;
    private const int RowPanel = 32;

    /// <summary>Replaces <paramref name="a"/> (n×n, symmetric positive definite; only the lower triangle is read) by
    /// its inverse, both triangles filled.</summary>
    /// <exception cref="InvalidOperationException">The matrix is not positive definite.</exception>
    public static void Invert(double[] a, int n, ParallelOptions parallel)
    {
        Factor(a, n, parallel);
        InvertFromFactor(a, n, parallel);
    }

    /// <summary>Overwrites the lower triangle (diagonal included) with L such that A = L·Lᵀ.</summary>
    public static void Factor(double[] a, int n, ParallelOptions parallel)
    {
        CheckShape(a, n);
        if (n == 0) { return; }

        for (var p0 = 0; p0 < n; p0 += FactorPanel)
        {
            var p1 = Math.Min(n, p0 + FactorPanel);
            // The panel's own rows depend on each other, so they run in order; they are a small share of the work.
            for (var i0 = p0; i0 < p1; i0 += Tile)
            {
                for (var j0 = p0; j0 <= i0; j0 += Tile)
                {
                    FactorTile(a, n, i0, j0);
                }
            }

            var below = (n - p1 + Tile - 1) / Tile;
            var panelStart = p0;
            Parallel.For(0, below, parallel, t =>
            {
                var i0 = p1 + (t * Tile);
                for (var j0 = panelStart; j0 < p1; j0 += Tile)
                {
                    FactorTile(a, n, i0, j0);
                }
            });
        }
    }

    /// <summary>Given L in the lower triangle (from <see cref="Factor"/>), writes A⁻¹ = L⁻ᵀL⁻¹ over the whole array.</summary>
    public static void InvertFromFactor(double[] a, int n, ParallelOptions parallel)
    {
        CheckShape(a, n);
        if (n == 0) { return; }

        var diagonalL = new double[n];
        for (var i = 0; i < n; i++) { diagonalL[i] = a[((long)i * n) + i]; }

        var panels = (n + RowPanel - 1) / RowPanel;
        ForEachDynamic(panels, parallel, p => EachTileOfRowPanel(n, p, (i0, j0) => InverseTile(a, n, diagonalL, i0, j0)));

        var diagonalP = new double[n];
        ForEachDynamic(panels, parallel, p => EachTileOfRowPanel(n, p, (i0, j0) => ProductTile(a, n, diagonalP, i0, j0)));

        Parallel.For(0, n, parallel, i =>
        {
            var row = (long)i * n;
            a[row + i] = diagonalP[i];
            for (var j = i + 1; j < n; j++) { a[row + j] = a[((long)j * n) + i]; }
        });
    }

    // Tiles (i0, j0) of one row panel with j0 >= i0, column-tile-major so the four right-hand rows of a column tile
    // stay in cache while every row tile of the panel uses them.
    private static void EachTileOfRowPanel(int n, int panel, Action<int, int> tile)
    {
        var start = panel * RowPanel;
        var end = Math.Min(n, start + RowPanel);
        for (var j0 = start; j0 < n; j0 += Tile)
        {
            for (var i0 = start; i0 < end && i0 <= j0; i0 += Tile)
            {
                tile(i0, j0);
            }
        }
    }

    private static void FactorTile(double[] a, int n, int i0, int j0)
    {
        var rows = Math.Min(Tile, n - i0);
        var cols = Math.Min(Tile, n - j0);
        Span<double> acc = stackalloc double[Tile * Tile];
        Span<long> left = stackalloc long[Tile];
        Span<long> right = stackalloc long[Tile];
        RowOffsets(n, i0, rows, 0, left);
        RowOffsets(n, j0, cols, 0, right);
        DenseKernels.DotTile(ref a[0], left, right, j0, acc);

        for (var r = 0; r < rows; r++)
        {
            var i = i0 + r;
            var rowI = (long)i * n;
            var last = j0 == i0 ? r : cols - 1;
            for (var s = 0; s <= last; s++)
            {
                var j = j0 + s;
                var rowJ = (long)j * n;
                var sum = a[rowI + j] - acc[(r * Tile) + s];
                for (var k = j0; k < j; k++) { sum -= a[rowI + k] * a[rowJ + k]; }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        throw new InvalidOperationException($"Matrix is not positive definite (pivot {i} is {sum:G4}).");
                    }

                    a[rowI + i] = Math.Sqrt(sum);
                }
                else
                {
                    a[rowI + j] = sum / a[rowJ + j];
                }
            }
        }
    }

    // X[i,j] for the tile, from X[i, i..j) (earlier tiles of the same rows) and L[j, i..j).
    private static void InverseTile(double[] a, int n, double[] diagonalL, int i0, int j0)
    {
        var rows = Math.Min(Tile, n - i0);
        var cols = Math.Min(Tile, n - j0);
        Span<double> acc = stackalloc double[Tile * Tile];
        var kernelStart = i0 + Tile;
        if (j0 > kernelStart)
        {
            Span<long> left = stackalloc long[Tile];
            Span<long> right = stackalloc long[Tile];
            RowOffsets(n, i0, rows, kernelStart, left);
            RowOffsets(n, j0, cols, kernelStart, right);
            DenseKernels.DotTile(ref a[0], left, right, j0 - kernelStart, acc);
        }
        else
        {
            acc.Clear();
        }

        for (var r = 0; r < rows; r++)
        {
            var i = i0 + r;
            var rowI = (long)i * n;
            if (j0 == i0)
            {
                a[rowI + i] = 1.0 / diagonalL[i];
            }

            for (var s = j0 == i0 ? r + 1 : 0; s < cols; s++)
            {
                var j = j0 + s;
                var rowJ = (long)j * n;
                var sum = acc[(r * Tile) + s];
                // The kernel covered k in [i0 + 4, j0); the head [i, i0 + 4) and the tile's own [j0, j) remain.
                var headEnd = Math.Min(kernelStart, j);
                for (var k = i; k < headEnd; k++) { sum += a[rowI + k] * a[rowJ + k]; }
                for (var k = Math.Max(j0, kernelStart); k < j; k++) { sum += a[rowI + k] * a[rowJ + k]; }

                a[rowI + j] = -sum / diagonalL[j];
            }
        }
    }

    // (X·Xᵀ)[i,j] = X[i, j..n)·X[j, j..n) for i <= j, stored at [j, i] (L's old place) or in the diagonal vector.
    private static void ProductTile(double[] a, int n, double[] diagonalP, int i0, int j0)
    {
        var rows = Math.Min(Tile, n - i0);
        var cols = Math.Min(Tile, n - j0);
        Span<double> acc = stackalloc double[Tile * Tile];
        var kernelStart = Math.Min(n, j0 + Tile);
        Span<long> left = stackalloc long[Tile];
        Span<long> right = stackalloc long[Tile];
        RowOffsets(n, i0, rows, kernelStart, left);
        RowOffsets(n, j0, cols, kernelStart, right);
        DenseKernels.DotTile(ref a[0], left, right, n - kernelStart, acc);

        for (var r = 0; r < rows; r++)
        {
            var i = i0 + r;
            var rowI = (long)i * n;
            for (var s = j0 == i0 ? r : 0; s < cols; s++)
            {
                var j = j0 + s;
                var rowJ = (long)j * n;
                var sum = acc[(r * Tile) + s];
                for (var k = j; k < kernelStart; k++) { sum += a[rowI + k] * a[rowJ + k]; }

                if (i == j) { diagonalP[i] = sum; }
                else { a[rowJ + i] = sum; }
            }
        }
    }

    // Start offsets of a tile's rows advanced to column k; rows past the matrix repeat the last real row (their
    // results are computed and ignored, which keeps the kernel free of edge cases).
    private static void RowOffsets(int n, int firstRow, int count, int k, Span<long> offsets)
    {
        for (var r = 0; r < Tile; r++)
        {
            offsets[r] = ((long)(firstRow + Math.Min(r, count - 1)) * n) + k;
        }
    }

    // Work items of very different cost (row panels near the top carry the most) are handed out one at a time, in
    // order, so the expensive ones start first and threads finish together.
    private static void ForEachDynamic(int count, ParallelOptions parallel, Action<int> body)
    {
        var next = -1;
        var workers = Math.Min(count, Math.Max(1, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount));
        Parallel.For(0, workers, parallel, _ =>
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < count)
            {
                parallel.CancellationToken.ThrowIfCancellationRequested();
                body(item);
            }
        });
    }

    private static void CheckShape(double[] a, int n)
    {
        if (n < 0 || a.LongLength < (long)n * n)
        {
            throw new ArgumentException($"Array of {a.LongLength} values cannot hold a {n}x{n} matrix.", nameof(a));
        }
    }
}
