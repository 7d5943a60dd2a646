using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Models.Ease;
using Chucheon.Models.Knn;
using Chucheon.TestKit;

namespace Chucheon.Models.Tests.Knn;

public sealed class KnnTests
{
    [Theory]
    [InlineData("itemknn", "k", 0)]
    [InlineData("userknn", "k", 0)]
    [InlineData("itemknn", "shrink", -1)]
    [InlineData("userknn", "shrink", -0.5)]
    [InlineData("itemknn", "b", 1.5)]
    [InlineData("itemknn", "k1", -1)]
    public void Out_of_range_options_are_refused_with_the_key_named(string alias, string key, double value)
    {
        var error = Assert.Throws<OptionsException>(() => ModelRegistry.Create(alias, new Dictionary<string, object?> { [key] = value }));
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void Weighting_is_bound_from_its_snake_case_name()
    {
        var model = (ItemKnnModel)ModelRegistry.Create("itemknn", new Dictionary<string, object?> { ["weighting"] = "bm25", ["k1"] = "2" });
        Assert.Equal(KnnWeighting.Bm25, model.Options.Weighting);
        Assert.Throws<OptionsException>(() => ModelRegistry.Create("itemknn", new Dictionary<string, object?> { ["weighting"] = "okapi" }));
    }

    [Theory]
    [InlineData(KnnWeighting.None)]
    [InlineData(KnnWeighting.Tfidf)]
    [InlineData(KnnWeighting.Bm25)]
    public void Item_similarities_match_a_brute_force_shrunk_cosine(KnnWeighting weighting)
    {
        var train = RandomCounts(users: 40, items: 17, seed: 3);
        var options = new ItemKnnOptions { K = 100, Shrink = 2, Weighting = weighting, K1 = 1.5, B = 0.6 };
        var model = new ItemKnnModel(options);
        model.Fit(train, new FitContext { Threads = 2 });

        var expected = BruteForceSimilarities(train.ItemUsers, options);
        for (var i = 0; i < train.ItemCount; i++)
        {
            for (var j = 0; j < train.ItemCount; j++)
            {
                var position = model.Similarity.RowIndices(i).BinarySearch(j);
                var actual = position >= 0 ? model.Similarity.RowValues(i)[position] : 0f;
                Assert.True(Math.Abs(expected[i, j] - actual) < 1e-5, $"sim({i},{j}) = {actual}, expected {expected[i, j]}");
            }
        }
    }

    [Fact]
    public void Each_item_keeps_its_k_most_similar_neighbours()
    {
        var train = RandomCounts(users: 50, items: 25, seed: 9);
        var options = new ItemKnnOptions { K = 4, Shrink = 1 };
        var model = new ItemKnnModel(options);
        model.Fit(train, new FitContext());

        var expected = BruteForceSimilarities(train.ItemUsers, options);
        for (var i = 0; i < train.ItemCount; i++)
        {
            var kept = model.Similarity.RowIndices(i);
            Assert.True(kept.Length <= 4);
            var weakestKept = kept.Length == 0 ? float.PositiveInfinity : kept.ToArray().Min(j => expected[i, j]);
            for (var j = 0; j < train.ItemCount; j++)
            {
                if (j != i && kept.IndexOf(j) < 0) { Assert.True(expected[i, j] <= weakestKept + 1e-6); }
            }

            var similar = model.SimilarItems(i, 2);
            Assert.True(similar.Count <= 2);
            if (similar.Count == 2) { Assert.True(similar[0].Score >= similar[1].Score); }
        }
    }

    [Fact]
    public void Item_knn_scores_are_the_history_times_the_similarity()
    {
        var train = RandomCounts(users: 30, items: 12, seed: 4);
        var model = new ItemKnnModel(new ItemKnnOptions { K = 5, Shrink = 0.5 });
        model.Fit(train, new FitContext());

        var scores = new float[train.UserCount * train.ItemCount];
        model.Score(Enumerable.Range(0, train.UserCount).ToArray(), train.UserItems, scores);
        for (var u = 0; u < train.UserCount; u++)
        {
            for (var j = 0; j < train.ItemCount; j++)
            {
                var expected = 0.0;
                var items = train.UserItems.RowIndices(u);
                for (var p = 0; p < items.Length; p++)
                {
                    var q = model.Similarity.RowIndices(items[p]).BinarySearch(j);
                    if (q >= 0) { expected += train.UserItems.RowValues(u)[p] * model.Similarity.RowValues(items[p])[q]; }
                }

                AssertClose(expected, scores[(u * train.ItemCount) + j]);
            }
        }
    }

    [Fact]
    public void Normalized_item_scores_are_weighted_averages()
    {
        var board = new Checkerboard();
        var model = new ItemKnnModel(new ItemKnnOptions { K = 20, Normalize = true });
        model.Fit(board.Train, new FitContext());
        var scores = new float[model.ItemCount];
        model.Score([0], board.Train.UserItems, scores);
        // Binary history: a weighted average of ones is one wherever any neighbour contributes, zero elsewhere.
        Assert.All(scores, s => Assert.True(s == 0 || Math.Abs(s - 1) < 1e-5));
        Assert.Equal(1f, scores[board.HeldOut[0]], 5);
    }

    [Fact]
    public void User_neighbours_match_a_brute_force_shrunk_cosine()
    {
        var train = RandomCounts(users: 35, items: 20, seed: 5);
        var options = new UserKnnOptions { K = 100, Shrink = 1, Weighting = KnnWeighting.Tfidf };
        var model = new UserKnnModel(options);
        model.Fit(train, new FitContext());

        var expected = BruteForceSimilarities(train.UserItems, options);
        for (var u = 0; u < train.UserCount; u++)
        {
            for (var v = 0; v < train.UserCount; v++)
            {
                var position = model.Neighbours.RowIndices(u).BinarySearch(v);
                var actual = position >= 0 ? model.Neighbours.RowValues(u)[position] : 0f;
                Assert.True(Math.Abs(expected[u, v] - actual) < 1e-5, $"sim({u},{v}) = {actual}, expected {expected[u, v]}");
            }
        }
    }

    [Fact]
    public void A_user_unseen_in_training_is_folded_in_from_the_history_row()
    {
        var train = RandomCounts(users: 30, items: 15, seed: 8);
        var options = new UserKnnOptions { K = 5, Shrink = 0.5, Weighting = KnnWeighting.Bm25 };
        var model = new UserKnnModel(options);
        model.Fit(train, new FitContext());

        // A new user (id 30) whose history copies user 7's row: it is folded in, and its nearest neighbour must be
        // user 7 itself with the top similarity; its scores follow from those neighbours.
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<float>();
        for (var u = 0; u < train.UserCount; u++)
        {
            var items = train.UserItems.RowIndices(u);
            for (var p = 0; p < items.Length; p++) { rows.Add(u); cols.Add(items[p]); vals.Add(train.UserItems.RowValues(u)[p]); }
        }

        var items7 = train.UserItems.RowIndices(7);
        for (var p = 0; p < items7.Length; p++) { rows.Add(30); cols.Add(items7[p]); vals.Add(train.UserItems.RowValues(7)[p]); }
        var history = CsrMatrix.FromCoordinates(31, train.ItemCount, [.. rows], [.. cols], [.. vals]);

        var expected = BruteForceSimilarities(train.UserItems, options);
        var top = Enumerable.Range(0, train.UserCount).Select(v => (v, s: v == 7 ? float.MaxValue : expected[7, v]))
            .Where(x => x.s > 0).OrderByDescending(x => x.s).ThenBy(x => x.v).Take(5).ToArray();

        var scores = new float[train.ItemCount];
        model.Score([30], history, scores);
        for (var j = 0; j < train.ItemCount; j++)
        {
            var sum = 0.0;
            foreach (var (v, _) in top)
            {
                var q = train.UserItems.RowIndices(v).BinarySearch(j);
                var sim = v == 7 ? SelfSimilarity(train.UserItems, 7, options) : expected[7, v];
                if (q >= 0) { sum += sim * train.UserItems.RowValues(v)[q]; }
            }

            AssertClose(sum, scores[j]);
        }
    }

    [Theory]
    [InlineData("itemknn")]
    [InlineData("userknn")]
    public void Empty_histories_and_unknown_users_score_zero(string alias)
    {
        var board = new Checkerboard();
        var model = ModelRegistry.Create(alias, new Dictionary<string, object?>());
        model.Fit(board.Train, new FitContext());
        var n = model.ItemCount;
        var scores = new float[3 * n];
        // The cold user, a user id beyond the history matrix, and a warm user.
        model.Score([board.ColdUser, board.Train.UserCount + 10, 0], board.Train.UserItems, scores);
        Assert.All(scores.AsSpan(0, 2 * n).ToArray(), s => Assert.Equal(0f, s));
        Assert.Equal(0f, scores[(2 * n) + board.ColdItem]);
        Assert.True(scores[(2 * n) + board.HeldOut[0]] > 0);
    }

    [Fact]
    public void Gowalla_item_knn_fits_where_ease_is_refused()
    {
        var train = ReadAdjacencyList(SharedData.File("gowalla-lightgcnpp", "train.txt"));
        var ease = new EaseModel(new EaseOptions());
        var refusal = Assert.Throws<InsufficientMemoryException>(() => ease.Fit(train, new FitContext { MemoryLimitBytes = 8L << 30 }));
        Assert.Contains("40,9", refusal.Message, StringComparison.Ordinal);

        var knn = new ItemKnnModel(new ItemKnnOptions { K = 50 });
        knn.Fit(train, new FitContext());
        Assert.Equal(train.ItemCount, knn.Similarity.Rows);
        Assert.True(knn.Similarity.NonZeros > train.ItemCount);
    }

    // sim(a, b) = w_a·w_b / (‖w_a‖‖w_b‖ + shrink) over the rows of `raw`, with the weighting written out directly.
    private static float[,] BruteForceSimilarities(CsrMatrix raw, KnnOptions options)
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

    private static float SelfSimilarity(CsrMatrix raw, int row, KnnOptions options)
    {
        var weighted = WeighDense(raw, options);
        double squares = 0;
        for (var f = 0; f < raw.Columns; f++) { squares += weighted[row, f] * weighted[row, f]; }
        return (float)(squares / (squares + options.Shrink));
    }

    private static double[,] WeighDense(CsrMatrix raw, KnnOptions options)
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
    private static InteractionDataset RandomCounts(int users, int items, int seed)
    {
        var random = new Random(seed);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<float>();
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

        _ = vals;
        return new InteractionDataset("random", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")), new InteractionLog([.. rows], [.. cols]));
    }

    private static InteractionDataset ReadAdjacencyList(string path)
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

    private static void AssertClose(double expected, float actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
