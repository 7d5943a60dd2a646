using System.Diagnostics;
using Chucheon.Data.Synthetic;
using Xunit.Abstractions;

namespace Chucheon.Data.Tests.Synthetic;

public sealed class SyntheticDatasetTests(ITestOutputHelper output)
{
    [Fact]
    public void DefaultSizeIsBuiltQuickly()
    {
        SyntheticDataset.Generate(new SyntheticOptions { Users = 20, Items = 30, InteractionsPerUser = 5 });
        var stopwatch = Stopwatch.StartNew();
        var dataset = SyntheticDataset.Generate();
        stopwatch.Stop();
        output.WriteLine($"{dataset} in {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(1_000, dataset.UserCount);
        Assert.Equal(1_500, dataset.ItemCount);
        Assert.InRange(dataset.Log.Count, 50_000, 75_000);
        // About 0.1-0.4 s; the bound only catches a pathological regression on a loaded, shared CI box.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void SameSeedSameDatasetOtherSeedOtherDataset()
    {
        var a = SyntheticDataset.Generate(new SyntheticOptions { Seed = 7 });
        var b = SyntheticDataset.Generate(new SyntheticOptions { Seed = 7 });
        var c = SyntheticDataset.Generate(new SyntheticOptions { Seed = 8 });

        Assert.Equal(a.Log.Users, b.Log.Users);
        Assert.Equal(a.Log.Items, b.Log.Items);
        Assert.Equal(a.Log.Ratings!, b.Log.Ratings!);
        Assert.Equal(a.Log.Timestamps!, b.Log.Timestamps!);
        Assert.Equal(((MultiCategoricalFeature)a.ItemFeatures!["genres"]).Values, ((MultiCategoricalFeature)b.ItemFeatures!["genres"]).Values);
        Assert.Equal(((CategoricalFeature)a.UserFeatures!["gender"]).Values, ((CategoricalFeature)b.UserFeatures!["gender"]).Values);

        Assert.False(a.Log.Items.AsSpan().SequenceEqual(c.Log.Items));
    }

    [Fact]
    public void ShapeOfTheData()
    {
        var dataset = SyntheticDataset.Generate();
        var log = dataset.Log;

        Assert.Equal([1f, 2f, 3f, 4f, 5f], log.Ratings!.Distinct().Order());
        for (var row = 1; row < log.Count; row++)
        {
            if (log.Users[row] == log.Users[row - 1]) { Assert.True(log.Timestamps![row] > log.Timestamps[row - 1]); }
        }

        Assert.Equal(0, log.Count - dataset.UserItems.NonZeros);
        var genres = (MultiCategoricalFeature)dataset.ItemFeatures!["genres"];
        Assert.Equal(18, genres.Vocabulary.Count);
        Assert.All(Enumerable.Range(0, dataset.ItemCount), i => Assert.InRange(genres.Of(i).Length, 1, 3));
        Assert.Equal(["gender", "age"], dataset.UserFeatures!.Columns.Select(c => c.Name));

        // Heavy tails: a popular head and very active users.
        var itemCounts = dataset.ItemUsers.RowPointers.Zip(dataset.ItemUsers.RowPointers.Skip(1), (a, b) => b - a).OrderDescending().ToArray();
        Assert.True(itemCounts.Take(itemCounts.Length / 10).Sum() > 0.3 * log.Count, "top 10% of items should draw over 30% of interactions");
        var userCounts = Enumerable.Range(0, dataset.UserCount).Select(dataset.UserItems.RowLength).ToArray();
        Assert.True(userCounts.Max() > 4 * userCounts.Average(), "the most active user should far exceed the mean");
        Assert.True(userCounts.Min() >= 5);
    }

    [Fact]
    public void PopularityAndItemKnnLearnItWell()
    {
        var dataset = SyntheticDataset.Generate();
        var (train, test) = HoldOut(dataset, fraction: 0.2, seed: 1);
        var items = dataset.ItemCount;

        var popularity = new float[items];
        foreach (var list in train) { foreach (var i in list) { popularity[i]++; } }
        var similarity = CosineItemSimilarity(train, items);
        var genres = (MultiCategoricalFeature)dataset.ItemFeatures!["genres"];

        double popRecall = 0, knnRecall = 0, genreRecall = 0;
        var random = new Random(3);
        double randomRecall = 0;
        var users = 0;
        var scores = new float[items];
        for (var u = 0; u < train.Length; u++)
        {
            if (test[u].Count == 0) { continue; }
            users++;
            popRecall += RecallAt20(popularity, train[u], test[u]);

            Array.Clear(scores);
            foreach (var i in train[u]) { for (var j = 0; j < items; j++) { scores[j] += similarity[i, j]; } }
            knnRecall += RecallAt20(scores, train[u], test[u]);

            var profile = new float[genres.Vocabulary.Count];
            foreach (var i in train[u]) { foreach (var g in genres.Of(i)) { profile[g]++; } }
            for (var j = 0; j < items; j++)
            {
                scores[j] = 0;
                foreach (var g in genres.Of(j)) { scores[j] += profile[g]; }
            }

            genreRecall += RecallAt20(scores, train[u], test[u]);

            for (var j = 0; j < items; j++) { scores[j] = (float)random.NextDouble(); }
            randomRecall += RecallAt20(scores, train[u], test[u]);
        }

        popRecall /= users;
        knnRecall /= users;
        genreRecall /= users;
        randomRecall /= users;
        output.WriteLine($"recall@20 random {randomRecall:F4}, genres {genreRecall:F4}, popularity {popRecall:F4}, item-kNN {knnRecall:F4}");

        Assert.True(popRecall > 3 * randomRecall);
        Assert.True(genreRecall > 1.5 * randomRecall, "genres must carry taste information");
        Assert.True(knnRecall > 1.2 * popRecall, "a collaborative model must clearly beat popularity");
    }

    private static (List<int>[] Train, List<int>[] Test) HoldOut(InteractionDataset dataset, double fraction, int seed)
    {
        var random = new Random(seed);
        var train = new List<int>[dataset.UserCount];
        var test = new List<int>[dataset.UserCount];
        for (var u = 0; u < dataset.UserCount; u++)
        {
            train[u] = [];
            test[u] = [];
            foreach (var i in dataset.UserItems.RowIndices(u)) { (random.NextDouble() < fraction ? test[u] : train[u]).Add(i); }
        }

        return (train, test);
    }

    private static float[,] CosineItemSimilarity(List<int>[] train, int items)
    {
        var coCounts = new float[items, items];
        var counts = new float[items];
        foreach (var list in train)
        {
            foreach (var i in list)
            {
                counts[i]++;
                foreach (var j in list) { if (i != j) { coCounts[i, j]++; } }
            }
        }

        for (var i = 0; i < items; i++)
        {
            for (var j = 0; j < items; j++)
            {
                if (coCounts[i, j] > 0) { coCounts[i, j] /= MathF.Sqrt(counts[i] * counts[j]); }
            }
        }

        return coCounts;
    }

    private static double RecallAt20(float[] scores, List<int> seen, List<int> heldOut)
    {
        var candidates = Enumerable.Range(0, scores.Length).Except(seen).OrderByDescending(i => scores[i]).Take(20);
        var hits = candidates.Count(heldOut.Contains);
        return (double)hits / Math.Min(20, heldOut.Count);
    }
}
