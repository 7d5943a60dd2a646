using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Models;
using Chucheon.Neural.Sequential;
using Chucheon.TestKit;

namespace Chucheon.Neural.Tests;

public sealed class SequentialItemFeatureTests
{
    private static InteractionDataset WithGroups(SequentialSynthetic data)
    {
        var items = data.Train.ItemCount;
        var features = new FeatureTable(items);
        features.Add(new CategoricalFeature("group", new IdMap(["a", "b", "c"]), Enumerable.Range(0, items).Select(i => i % 3).ToArray()));
        var train = data.Train;
        return new InteractionDataset(train.Name, train.Users, train.Items, train.Log, itemFeatures: features);
    }

    [Theory]
    [InlineData("sasrec")]
    [InlineData("gru4rec")]
    public void AttributeEmbeddingsTrainAndRoundTrip(string alias)
    {
        var data = new SequentialSynthetic();
        using var model = SequentialSynthetic.Small(alias);
        ((SequentialOptions)model.Options).ItemFeatures = ["group"];
        model.Fit(WithGroups(data), Synthetic.Context());
        Assert.True(data.NextItemHitAt1(model) > 0.6);

        using var dir = new TempDirectory();
        new ModelBundle(model, data.Train.Users, data.Train.Items, data.Train.UserItems).Save(dir.Path);
        var loaded = (SequentialRecommender)ModelBundle.Load(dir.Path).Model;
        var users = Enumerable.Range(0, data.Sequences.Length).ToArray();
        var expected = new float[users.Length * model.ItemCount];
        var actual = new float[expected.Length];
        model.ScoreSequences(users, data.Sequences, expected);
        loaded.ScoreSequences(users, data.Sequences, actual);
        Assert.Equal(expected, actual);
        loaded.Dispose();
    }

    [Fact]
    public void UnknownColumnOrUnsupportedEncoderIsAnOptionsError()
    {
        var data = new SequentialSynthetic();
        using var model = SequentialSynthetic.Small("sasrec", epochs: 1);
        ((SequentialOptions)model.Options).ItemFeatures = ["colour"];
        var error = Assert.Throws<OptionsException>(() => model.Fit(WithGroups(data), Synthetic.Context()));
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<OptionsException>(() => ModelRegistry.Create("bert4rec", new Dictionary<string, object?> { ["item_features"] = new[] { "group" } }));
    }
}
