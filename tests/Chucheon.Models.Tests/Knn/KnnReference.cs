using Chucheon.Data;
using Chucheon.Models.Knn;

namespace Chucheon.Models.Tests.Knn;

/// <summary>Brute-force kNN references and small fixtures for the kNN tests: dense weighting written out from the
/// formulas, all-pairs cosine with shrinkage.</summary>
internal static class KnnReference
{
    // sim(a, b) = w_a·w_b / (‖w_a‖‖w_b‖ + shrink) over the rows of `raw`, with the weighting written out directly.
    internal static float[,] BruteForceSimilarities(CsrMatrix raw, KnnOptions options)
    {
        var weighted = WeighDense(raw, options);
        var n = raw.Rows;
        var result = new float[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (a == b) { continue; }
                double dot = 0, na = 0, nb = 0;
                for (var f = 0; f < raw.Columns; f++)
                {
                    dot += weighted[a, f] * weighted[b, f];
                    na += weighted[a, f] * weighted[a, f];
                    nb += weighted[b, f] * weighted[b, f];
                }

                var sim = dot / ((Math.Sqrt(na) * Math.Sqrt(nb)) + options.Shrink);
                result[a, b] = dot > 0 ? (float)sim : 0f;
            }
        }

        return result;
    }

    internal static float SelfSimilarity(CsrMatrix raw, int row, KnnOptions options)
    {
        var weighted = WeighDense(raw, options);
        double squares = 0;
        for (var f = 0; f < raw.Columns; f++) { squares += weighted[row, f] * weighted[row, f]; }
        return (float)(squares / (squares + options.Shrink));
    }

    internal static double[,] WeighDense(CsrMatrix raw, KnnOptions options)
    {
        var n = raw.Rows;
        var df = new int[raw.Columns];
        foreach (var f in raw.ColumnIndices) { df[f]++; }
        var lengths = Enumerable.Range(0, n).Select(r => raw.RowValues(r).ToArray().Sum()).ToArray();
        var average = lengths.Where(l => l > 0).Average();
        var weighted = new double[n, raw.Columns];
        for (var r = 0; r < n; r++)
        {
            var features = raw.RowIndices(r);
            for (var p = 0; p < features.Length; p++)
            {
                var x = (double)raw.RowValues(r)[p];
                var idf = Math.Max(0, Math.Log(n / (1.0 + df[features[p]])));
                var norm = 1 - options.B + (options.B * lengths[r] / average);
                weighted[r, features[p]] = options.Weighting switch
                {
                    KnnWeighting.Tfidf => Math.Sqrt(x) * idf,
                    KnnWeighting.Bm25 => x * (options.K1 + 1) / ((options.K1 * norm) + x) * idf,
                    _ => x,
                };
            }
        }

        return weighted;
    }

    // Random interaction counts (1-3) with uneven density, so weighting and shrinkage matter.
    internal static InteractionDataset RandomCounts(int users, int items, int seed)
    {
        var random = new Random(seed);
        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < users; u++)
        {
            for (var i = 0; i < items; i++)
            {
                if (random.NextDouble() < 0.08 + (0.5 * i / items))
                {
                    var count = 1 + random.Next(3);
                    for (var c = 0; c < count; c++) { rows.Add(u); cols.Add(i); }
                }
            }
        }

        return new InteractionDataset("random", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")), new InteractionLog([.. rows], [.. cols]));
    }

    internal static InteractionDataset ReadAdjacencyList(string path)
    {
        var users = new IdMap();
        var items = new IdMap();
        var userIds = new List<int>();
        var itemIds = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) { continue; }
            var user = users.GetOrAdd(tokens[0]);
            foreach (var token in tokens.Skip(1)) { userIds.Add(user); itemIds.Add(items.GetOrAdd(token)); }
        }

        return new InteractionDataset("gowalla", users, items, new InteractionLog([.. userIds], [.. itemIds]));
    }

    internal static void AssertClose(double expected, float actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
