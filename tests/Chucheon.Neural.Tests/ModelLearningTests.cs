using Chucheon.Models;
using Chucheon.Neural.Models;

namespace Chucheon.Neural.Tests;

public sealed class ModelLearningTests
{
    internal static IRecommender Small(string alias, int epochs = 40) => alias switch
    {
        "multivae" => new MultiVaeRecommender(new MultiVaeOptions { HiddenDims = [32], LatentDim = 8, Epochs = epochs, BatchSize = 16, LearningRate = 1e-2, TotalAnnealSteps = 200 }),
        "multidae" => new MultiDaeRecommender(new MultiDaeOptions { LatentDim = 8, Epochs = epochs, BatchSize = 16, LearningRate = 1e-2 }),
        "ae" => new AeRecommender(new AeOptions { HiddenDims = [], LatentDim = 8, Epochs = epochs, BatchSize = 16, LearningRate = 1e-2 }),
        "dae" => new DaeRecommender(new DaeOptions { HiddenDims = [], LatentDim = 8, Epochs = epochs, BatchSize = 16, LearningRate = 1e-2 }),
        "vae" => new VaeRecommender(new VaeOptions { HiddenDims = [32], LatentDim = 8, Epochs = epochs, BatchSize = 16, LearningRate = 1e-2, Beta = 0.1 }),
        "recvae" => new RecVaeRecommender(new RecVaeOptions { HiddenDim = 32, LatentDim = 8, Epochs = epochs / 4, BatchSize = 16, LearningRate = 5e-3 }),
        "ncf" => new NcfRecommender(new NcfOptions { GmfDim = 8, MlpDims = [16, 8], Epochs = epochs / 4, BatchSize = 64, LearningRate = 1e-2 }),
        _ => throw new ArgumentOutOfRangeException(nameof(alias)),
    };

    [Theory]
    [InlineData("multivae")]
    [InlineData("multidae")]
    [InlineData("ae")]
    [InlineData("dae")]
    [InlineData("vae")]
    [InlineData("recvae")]
    [InlineData("ncf")]
    public void LearnsTheCommunityStructure(string alias)
    {
        var data = new Synthetic();
        var model = Small(alias);
        model.Fit(data.Train, Synthetic.Context());
        var auc = data.HeldOutAuc(model);
        Assert.True(auc > 0.8, $"{alias}: held-out AUC {auc:F3} (random is 0.5)");
    }

    [Theory]
    [InlineData("multivae")]
    [InlineData("recvae")]
    [InlineData("ncf")]
    public void SameSeedGivesSameScores(string alias)
    {
        var data = new Synthetic();
        float[] Run()
        {
            var model = Small(alias, epochs: 8);
            model.Fit(data.Train, Synthetic.Context(seed: 5));
            var scores = new float[data.Train.UserCount * model.ItemCount];
            model.Score(Enumerable.Range(0, data.Train.UserCount).ToArray(), data.Train.UserItems, scores);
            return scores;
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void NcfScoresUnseenUsersWithTheMeanUser()
    {
        var data = new Synthetic();
        var model = Small("ncf");
        model.Fit(data.Train, Synthetic.Context());
        // Users beyond the trained range get the same (mean-user) row; no exception.
        var scores = new float[2 * model.ItemCount];
        model.Score([data.Train.UserCount, data.Train.UserCount + 5], data.Train.UserItems, scores);
        Assert.Equal(scores.AsSpan(0, model.ItemCount).ToArray(), scores.AsSpan(model.ItemCount).ToArray());
        Assert.Contains(scores, s => s != 0);
    }
}
