using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Models.Bpr;
using Chucheon.Models.Tests.Factorization;
using Chucheon.TestKit;

namespace Chucheon.Models.Tests.Bpr;

public class BprMfTests
{
    private static readonly LowRankData Data = new();

    private static BprMf Fit(BprOptions options, InteractionDataset? data = null, int seed = 1, int threads = 2,
        Func<IItemScorer, double>? validate = null, TrainingLog? log = null)
    {
        var model = new BprMf(options);
        model.Fit(data ?? Data.Dataset, new FitContext { Seed = seed, Threads = threads, Validate = validate, TrainingLog = log });
        return model;
    }

    [Theory]
    [InlineData(NegativeSampling.Uniform, true)]
    [InlineData(NegativeSampling.Popularity, false)]
    public void HeldOutItemsRankHighOnLowRankData(NegativeSampling sampling, bool bias)
    {
        var model = Fit(new BprOptions { Factors = 8, Epochs = 60, NegativeSampling = sampling, ItemBias = bias, Blocks = 4 });
        Assert.True(Data.HeldOutAboveOtherGroups(model) > 0.95, $"{Data.HeldOutAboveOtherGroups(model)}");
        Assert.True(Data.HitRate(model, 5) > 0.8, $"hit rate {Data.HitRate(model, 5)}");
    }

    [Fact]
    public void SameSeedGivesIdenticalFactorsWhateverTheThreadCount()
    {
        var options = new BprOptions { Factors = 8, Epochs = 5 };
        var one = Fit(options, seed: 3, threads: 1);
        var two = Fit(options, seed: 3, threads: 2);
        Assert.True(one.UserFactors.SequenceEqual(two.UserFactors));
        Assert.True(one.ItemFactors.SequenceEqual(two.ItemFactors));
        Assert.True(one.ItemBias.SequenceEqual(two.ItemBias));
        Assert.False(one.ItemFactors.SequenceEqual(Fit(options, seed: 4).ItemFactors));
    }

    [Fact]
    public void EarlyStoppingKeepsTheBestValidatedFactors()
    {
        double[] script = [0.1, 0.3, 0.2, 0.25, 0.9];
        var snapshots = new List<float[]>();
        var probe = new[] { 0, 40, 80 };
        var log = new TrainingLog();
        var model = Fit(new BprOptions { Factors = 4, Epochs = 50, EvalEvery = 2, Patience = 2 }, log: log, validate: scorer =>
        {
            snapshots.Add(LowRankData.ScoresOf(scorer, probe, Data.Dataset.UserItems));
            return script[snapshots.Count - 1];
        });

        // Validations at epochs 2, 4, 6, 8: the best (0.3) is the second; two misses later the fit stops.
        Assert.Equal(4, snapshots.Count);
        Assert.Equal(snapshots[1], LowRankData.ScoresOf(model, probe, Data.Dataset.UserItems));
        Assert.NotEqual(snapshots[3], snapshots[1]);
        Assert.Equal(8, log.Epochs.Count);
        Assert.Equal([null, 0.1, null, 0.3, null, 0.2, null, 0.25], log.Epochs.Select(e => e.ValidationMetric));
        Assert.Equal(4, log.BestEpoch);
        Assert.True(log.StoppedEarly);
    }

    [Fact]
    public void FoldInOfATrainingUserScoresLikeTheTrainedUser()
    {
        var model = Fit(new BprOptions { Factors = 8, Epochs = 60 });
        var history = Data.Dataset.UserItems;
        for (var user = 0; user < Data.UserCount; user += 11)
        {
            var trained = LowRankData.ScoresOf(model, [user], history);
            var folded = LowRankData.ScoresOf(model, [user], CsrMatrix.Empty(0, Data.ItemCount));
            var x = model.RecalculateUser(history.RowIndices(user), history.RowValues(user));
            var direct = new float[Data.ItemCount];
            for (var i = 0; i < Data.ItemCount; i++)
            {
                direct[i] = model.ItemBias[i];
                for (var f = 0; f < model.Factors; f++) { direct[i] += x[f] * model.ItemFactors[(i * model.Factors) + f]; }
            }

            Assert.True(DenseReference.Correlation(trained, direct) > 0.9, $"user {user}: {DenseReference.Correlation(trained, direct)}");
            Assert.Equal(x, model.RecalculateUser(history.RowIndices(user), history.RowValues(user)));
            Assert.NotEmpty(folded);
        }
    }

    [Fact]
    public void SaveAndLoadRoundTrip()
    {
        var model = Fit(new BprOptions { Factors = 8, Epochs = 5, NegativeSampling = NegativeSampling.Popularity });
        using var dir = new TempDirectory();
        new ModelBundle(model, Data.Dataset.Users, Data.Dataset.Items, Data.Dataset.UserItems).Save(dir.Path);
        var loaded = (BprMf)ModelBundle.Load(dir.Path).Model;
        var users = Enumerable.Range(0, Data.UserCount).ToArray();
        Assert.Equal(LowRankData.ScoresOf(model, users, Data.Dataset.UserItems), LowRankData.ScoresOf(loaded, users, Data.Dataset.UserItems));
        int[] cold = [1, 2, 3];
        Assert.Equal(model.RecalculateUser(cold, []), loaded.RecalculateUser(cold, []));
        Assert.Equal(NegativeSampling.Popularity, ((BprOptions)loaded.Options).NegativeSampling);
    }

    [Fact]
    public void UsersWithoutItemsAndUnseenItemsDoNotCrash()
    {
        var data = LowRankData.Build(4, 5, [0, 0, 1, 1, 3], [0, 1, 1, 2, 0]);
        var model = Fit(new BprOptions { Factors = 2, Epochs = 3, Blocks = 3 }, data);
        Assert.False(model.IsUserFitted(2));
        var scores = LowRankData.ScoresOf(model, [2, 4, 0], CsrMatrix.FromCoordinates(5, 5, [4], [2], []));
        Assert.All(scores, s => Assert.True(float.IsFinite(s)));
        Assert.NotNull(model.SimilarItems(4, 3));
    }

    [Fact]
    public void PartialFitUsersPlacesANewUserInTheirGroup()
    {
        var model = Fit(new BprOptions { Factors = 8, Epochs = 60 });
        var newUser = Data.UserCount;
        var groupThree = Enumerable.Range(3 * Data.ItemsPerGroup, 6).ToArray();
        model.PartialFitUsers([newUser], CsrMatrix.FromCoordinates(1, Data.ItemCount, new int[groupThree.Length], groupThree, []));
        var top = Recommendations.Recommend(model, [newUser], CsrMatrix.Empty(newUser + 1, Data.ItemCount), 4)[0];
        Assert.All(top, s => Assert.Equal(3, Data.GroupOfItem(s.Item)));

        var users = Enumerable.Range(0, 10).ToArray();
        model.PartialFitItems([Data.ItemCount], CsrMatrix.FromCoordinates(1, Data.UserCount + 1, new int[users.Length], users, []));
        Assert.Equal(Data.ItemCount + 1, model.ItemCount);
        Assert.Equal(0, Data.GroupOfItem(model.SimilarItems(Data.ItemCount, 1)[0].Item));
    }

    [Theory]
    [InlineData("factors", "0")]
    [InlineData("learning_rate", "0")]
    [InlineData("user_reg", "-1")]
    [InlineData("item_reg", "-1")]
    [InlineData("bias_reg", "-1")]
    [InlineData("epochs", "0")]
    [InlineData("patience", "0")]
    [InlineData("eval_every", "0")]
    [InlineData("blocks", "0")]
    public void OutOfRangeValuesNameTheKey(string key, string value) =>
        Assert.Equal($"model.{key}", Assert.Throws<OptionsException>(() => ModelRegistry.Create("bpr", new Dictionary<string, object?> { [key] = value })).Key);

    [Fact]
    public void BindsNegativeSamplingFromConfiguration()
    {
        var model = (BprMf)ModelRegistry.Create("bpr", new Dictionary<string, object?> { ["negative_sampling"] = "popularity", ["popularity_exponent"] = "0.5" });
        Assert.Equal(NegativeSampling.Popularity, ((BprOptions)model.Options).NegativeSampling);
    }
}
