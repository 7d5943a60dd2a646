using System.Diagnostics;
using Chucheon.Models.Internal;

namespace Chucheon.Benchmarks;

internal static class QuickTimer
{
    public static void Cholesky(int n, int threads)
    {
        var random = new Random(1);
        var a = new double[(long)n * n];
        // Gram-like SPD: sparse binary co-occurrence plus ridge
        for (var u = 0; u < 2000; u++)
        {
            var items = Enumerable.Range(0, 100).Select(_ => random.Next(n)).Distinct().ToArray();
            foreach (var i in items) foreach (var j in items) a[(long)i * n + j] += 1;
        }
        for (var i = 0; i < n; i++) a[(long)i * n + i] += 500;
        var po = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (var rep = 0; rep < 2; rep++)
        {
            var work = (double[])a.Clone();
            var sw = Stopwatch.StartNew();
            SpdInverse.Factor(work, n, po);
            var t1 = sw.Elapsed.TotalSeconds;
            SpdInverse.InvertFromFactor(work, n, po);
            var t2 = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"n={n} threads={threads} factor {t1:F2}s invert {t2 - t1:F2}s total {t2:F2}s  GFMA/s {(n * (double)n * n / 2) / t2 / 1e9:F1}");
        }
    }
}

internal static class QuickScore
{
    public static void Run(int block)
    {
        var n = 3628; var users = 6039;
        var random = new Random(1);
        var w = new float[(long)n * n];
        for (var i = 0; i < w.Length; i++) w[i] = (float)random.NextDouble();
        var rows = new List<int>(); var cols = new List<int>();
        for (var u = 0; u < users; u++) foreach (var i in Enumerable.Range(0, 98).Select(_ => random.Next(n)).Distinct()) { rows.Add(u); cols.Add(i); }
        var h = Chucheon.Data.CsrMatrix.FromCoordinates(users, n, rows.ToArray(), cols.ToArray(), []);
        var scores = new float[256 * n];
        var pm = PanelMatrix.FromRowMajor(w, n);
        var ids = Enumerable.Range(0, users).ToArray();
        for (var rep = 0; rep < 3; rep++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (var s = 0; s < users; s += 256)
            {
                var c = Math.Min(256, users - s);
                SparseDenseProduct.Multiply(pm, h, ids.AsSpan(s, c), scores.AsSpan(0, c * n), 2);
            }
            Console.WriteLine($"block {block}: {sw.Elapsed.TotalSeconds:F2}s");
        }
    }
}
