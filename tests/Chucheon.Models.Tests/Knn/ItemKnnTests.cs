using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Models.Ease;
using Chucheon.Models.Knn;
using Chucheon.TestKit;
using static Chucheon.Models.Tests.Knn.KnnReference;

namespace Chucheon.Models.Tests.Knn;

/// <summary>Item kNN against brute force, plus the option and cold-start checks shared with user kNN.</summary>
public sealed class ItemKnnTests
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
        Assert.Equal($"model.{key}", error.Key);
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
}
