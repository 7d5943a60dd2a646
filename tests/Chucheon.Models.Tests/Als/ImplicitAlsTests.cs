using Chucheon.Data;
using Chucheon.Models.Als;
using Chucheon.Models.Tests.Factorization;
using Chucheon.TestKit;

namespace Chucheon.Models.Tests.Als;

public class ImplicitAlsTests
{
    private static readonly LowRankData Data = new();

    private static ImplicitAls Fit(IalsOptions options, InteractionDataset? data = null, int seed = 1, int threads = 2, List<FitProgress>? progress = null)
    {
        var model = new ImplicitAls(options);
        model.Fit(data ?? Data.Dataset, new FitContext
        {
            Seed = seed, Threads = threads, Progress = progress is null ? null : new Recorder(progress),
        });
        return model;
    }

    [Theory]
    [InlineData(IalsSolver.Cg)]
    [InlineData(IalsSolver.Cholesky)]
    public void HeldOutItemsRankHighOnLowRankData(IalsSolver solver)
    {
        var model = Fit(new IalsOptions { Factors = 4, Alpha = 10, Reg = 0.1f, Solver = solver });
        Assert.Equal(1.0, Data.HeldOutAboveOtherGroups(model));
        Assert.True(Data.HitRate(model, 5) > 0.85, $"hit rate {Data.HitRate(model, 5)}");
    }

    [Fact]
    public void FoldInIsTheExactLeastSquaresSolutionForFixedItemFactors()
    {
        var options = new IalsOptions { Factors = 6, Alpha = 4, Reg = 0.5f };
        var model = Fit(options);
        var user = 17;
        var items = Data.Dataset.UserItems.RowIndices(user).ToArray();
        var values = Data.Dataset.UserItems.RowValues(user).ToArray();

        var folded = model.RecalculateUser(items, values);

        var confidence = items.Select((i, e) => (i, c: 1.0 + (options.Alpha * values[e]))).ToDictionary(t => t.i, t => t.c);
        var expected = DenseReference.ImplicitRow(model.ItemFactors.ToArray(), model.ItemCount, model.Factors, confidence, options.Reg);
        for (var j = 0; j < model.Factors; j++) { Assert.Equal(expected[j], folded[j], 1e-4); }
    }

    [Fact]
    public void FoldInOfATrainingUserScoresLikeTheTrainedUser()
    {
        var model = Fit(new IalsOptions { Factors = 8, Alpha = 10, Reg = 0.1f, Iterations = 30, Solver = IalsSolver.Cholesky });
        var history = Data.Dataset.UserItems;
        for (var user = 0; user < Data.UserCount; user += 13)
        {
            var trained = LowRankData.ScoresOf(model, [user], history);
            var fresh = model.RecalculateUser(history.RowIndices(user), history.RowValues(user));
            var direct = new float[model.ItemCount];
            for (var i = 0; i < model.ItemCount; i++)
            {
                for (var f = 0; f < model.Factors; f++) { direct[i] += fresh[f] * model.ItemFactors[(i * model.Factors) + f]; }
            }

            Assert.True(DenseReference.Correlation(trained, direct) > 0.999, $"user {user}");
        }
    }

    [Fact]
    public void SameSeedGivesIdenticalFactorsWhateverTheThreadCount()
    {
        var options = new IalsOptions { Factors = 8, Iterations = 4 };
        var one = Fit(options, seed: 7, threads: 1);
        var two = Fit(options, seed: 7, threads: 2);
        var other = Fit(options, seed: 8, threads: 2);
        Assert.True(one.UserFactors.SequenceEqual(two.UserFactors));
        Assert.True(one.ItemFactors.SequenceEqual(two.ItemFactors));
        Assert.False(one.ItemFactors.SequenceEqual(other.ItemFactors));
    }

    [Fact]
    public void SaveAndLoadRoundTripThroughABundle()
    {
        var model = Fit(new IalsOptions { Factors = 8, ItemPopularityConfidence = 0.3f });
        using var dir = new TempDirectory();
        new ModelBundle(model, Data.Dataset.Users, Data.Dataset.Items, Data.Dataset.UserItems).Save(dir.Path);
        var loaded = ModelBundle.Load(dir.Path);

        var users = Enumerable.Range(0, Data.UserCount).ToArray();
        Assert.Equal(LowRankData.ScoresOf(model, users, Data.Dataset.UserItems), LowRankData.ScoresOf(loaded.Model, users, loaded.History));
        var cold = Data.Dataset.UserItems.RowIndices(3);
        var ones = Enumerable.Repeat(1f, cold.Length).ToArray();
        Assert.Equal(model.RecalculateUser(cold, ones), ((ImplicitAls)loaded.Model).RecalculateUser(cold, ones));
    }

    [Fact]
    public void UsersWithoutTrainingItemsAreFoldedInAndUnseenItemsDoNotCrash()
    {
        // User 2 has no training rows; items 3 and 4 are never seen.
        var data = LowRankData.Build(4, 5, [0, 0, 1, 1, 3], [0, 1, 1, 2, 0]);
        var model = Fit(new IalsOptions { Factors = 2, Iterations = 3 }, data);
        Assert.False(model.IsUserFitted(2));
        Assert.True(model.ItemFactors.Slice(3 * 2, 4).ToArray().All(f => f == 0));
        Assert.Empty(model.SimilarItems(3, 2));

        // User 2 and user 4 (beyond the fitted range) are folded in from the scoring-time history.
        var history = CsrMatrix.FromCoordinates(5, 5, [2, 4], [0, 1], []);
        var scores = LowRankData.ScoresOf(model, [2, 4, 3], history);
        Assert.All(scores, s => Assert.True(float.IsFinite(s)));
        var folded = model.RecalculateUser([0], [1f]);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal((folded[0] * model.ItemFactors[i * 2]) + (folded[1] * model.ItemFactors[(i * 2) + 1]), scores[i], 5);
        }

        // Nothing known at all: a zero vector, so every item scores 0.
        Assert.All(LowRankData.ScoresOf(model, [2], CsrMatrix.Empty(5, 5)), s => Assert.Equal(0f, s));
    }

    [Fact]
    public void PartialFitAddsNewUsersAndItems()
    {
        var model = Fit(new IalsOptions { Factors = 8, Alpha = 10, Reg = 0.1f });
        var newUser = Data.UserCount + 2;
        var groupTwo = Enumerable.Range(2 * Data.ItemsPerGroup, 6).ToArray();
        model.PartialFitUsers([newUser], CsrMatrix.FromCoordinates(1, Data.ItemCount, new int[groupTwo.Length], groupTwo, []));
        Assert.Equal(newUser + 1, model.UserCount);
        Assert.True(model.IsUserFitted(newUser));
        Assert.False(model.IsUserFitted(newUser - 1));
        var top = Recommendations.Recommend(model, [newUser], CsrMatrix.Empty(newUser + 1, Data.ItemCount), 5)[0];
        Assert.All(top, s => Assert.Equal(2, Data.GroupOfItem(s.Item)));

        // A new item consumed by group-1 users lands next to group-1 items.
        var users = Enumerable.Range(Data.UsersPerGroup, 10).ToArray();
        model.PartialFitItems([Data.ItemCount], CsrMatrix.FromCoordinates(1, Data.UserCount, new int[users.Length], users, []));
        Assert.Equal(Data.ItemCount + 1, model.ItemCount);
        Assert.All(model.SimilarItems(Data.ItemCount, 5), s => Assert.Equal(1, Data.GroupOfItem(s.Item)));
    }

    [Fact]
    public void ExactSolverLossNeverIncreases()
    {
        var progress = new List<FitProgress>();
        Fit(new IalsOptions { Factors = 8, Iterations = 8, Solver = IalsSolver.Cholesky, ComputeLoss = true }, progress: progress);
        var losses = progress.Select(p => double.Parse(p.Detail!["loss=".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(8, losses.Length);
        for (var t = 1; t < losses.Length; t++) { Assert.True(losses[t] <= losses[t - 1] * (1 + 1e-5), $"iteration {t + 1}: {losses[t]} > {losses[t - 1]}"); }
    }

    [Fact]
    public void SimilarItemsComeFromTheSameGroup()
    {
        var model = Fit(new IalsOptions { Factors = 8, Alpha = 10, Reg = 0.1f });
        var similar = model.SimilarItems(5, 4);
        Assert.Equal(4, similar.Count);
        Assert.All(similar, s => Assert.Equal(Data.GroupOfItem(5), Data.GroupOfItem(s.Item)));
        Assert.DoesNotContain(similar, s => s.Item == 5);
    }

    private sealed class Recorder(List<FitProgress> sink) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => sink.Add(value);
    }
}
