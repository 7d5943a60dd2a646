namespace Chucheon.Models.Tests.Factorization;

/// <summary>Plain reference computations for the tests, written the textbook way on purpose (no shared code with the
/// library), so a bug in a kernel cannot hide in its own check.</summary>
internal static class DenseReference
{
    /// <summary>Solves A x = b by Gaussian elimination with partial pivoting (A is n × n, row-major).</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) { if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) { pivot = r; } }
            for (var c = 0; c < n; c++) { (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]); }
            (x[col], x[pivot]) = (x[pivot], x[col]);
            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var c = col; c < n; c++) { m[r, c] -= f * m[col, c]; }
                x[r] -= f * x[col];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            for (var c = r + 1; c < n; c++) { x[r] -= m[r, c] * x[c]; }
            x[r] /= m[r, r];
        }

        return x;
    }

    /// <summary>The implicit-ALS normal equations written over every item: A = Σ_i c_i y_i y_iᵀ + λI, b = Σ_i c_i p_i y_i,
    /// with c_i = 1 and p_i = 0 for items the user did not touch.</summary>
    public static double[] ImplicitRow(float[] itemFactors, int items, int k, IReadOnlyDictionary<int, double> confidence, double lambda)
    {
        var a = new double[k, k];
        var b = new double[k];
        for (var i = 0; i < items; i++)
        {
            var c = confidence.TryGetValue(i, out var ci) ? ci : 1.0;
            var p = confidence.ContainsKey(i) ? 1.0 : 0.0;
            for (var j = 0; j < k; j++)
            {
                b[j] += c * p * itemFactors[(i * k) + j];
                for (var l = 0; l < k; l++) { a[j, l] += c * itemFactors[(i * k) + j] * itemFactors[(i * k) + l]; }
            }
        }

        for (var j = 0; j < k; j++) { a[j, j] += lambda; }
        return Solve(a, b);
    }

    public static double Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < a.Length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.Length;
        mb /= b.Length;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
