using Chucheon.Models;
using Chucheon.Neural.Sequential;
using Chucheon.TestKit;

namespace Chucheon.Neural.Tests;

public sealed class SequentialLearningTests
{
    [Theory]
    [InlineData("sasrec")]
    [InlineData("sasrec-ce")]
    [InlineData("cl4srec")]
    [InlineData("coserec")]
    [InlineData("hierarchical-cl")]
    [InlineData("gru4rec")]
    [InlineData("bert4rec")]
    [InlineData("nextitnet")]
    [InlineData("cl4srec-original")]
    [InlineData("sasrec-reference")]
    [InlineData("cl4srec-flatten")]
    [InlineData("cl4srec-mean")]
    [InlineData("sasrec-uniform")]
    [InlineData("bert4rec-uniform")]
    [InlineData("cl4srec-padmask")]
    [InlineData("sasrec-sametarget")]
    [InlineData("hierarchical-cl-split")]
    public void LearnsThatItemIIsFollowedByIPlusOne(string alias)
    {
        var data = new SequentialSynthetic();
        using var model = SequentialSynthetic.Small(alias);
        model.Fit(data.Train, Synthetic.Context());
        var hit = data.NextItemHitAt1(model);
        // Random top-1 over the ~22 unseen items: about 0.05.
        Assert.True(hit > 0.6, $"{alias}: next-item Hit@1 {hit:F3} (random is about 0.05)");
    }

    [Theory]
    [InlineData("sasrec")]
    [InlineData("cl4srec")]
    [InlineData("bert4rec")]
    [InlineData("sasrec-sametarget")]
    [InlineData("hierarchical-cl-split")]
    public void SameSeedGivesSameScores(string alias)
    {
        var data = new SequentialSynthetic();
        float[] Run()
        {
            using var model = SequentialSynthetic.Small(alias, epochs: 3);
            model.Fit(data.Train, Synthetic.Context(seed: 5));
            var scores = new float[data.Sequences.Length * model.ItemCount];
            model.ScoreSequences(Enumerable.Range(0, data.Sequences.Length).ToArray(), data.Sequences, scores);
            return scores;
        }

        Assert.Equal(Run(), Run());
    }

    [Theory]
    [InlineData("sasrec")]
    [InlineData("gru4rec")]
    [InlineData("bert4rec")]
    [InlineData("nextitnet")]
    public void ScoresDoNotDependOnTheRestOfTheBatch(string alias)
    {
        // Batches are padded to their longest member; a short history must score the same next to a long one.
        var data = new SequentialSynthetic();
        using var model = SequentialSynthetic.Small(alias, epochs: 1);
        model.Fit(data.Train, Synthetic.Context());
        int[][] histories = [[3, 4, 5], [.. Enumerable.Range(0, 12)]];
        var alone = new float[model.ItemCount];
        var together = new float[2 * model.ItemCount];
        model.ScoreSequences([0], histories, alone);
        model.ScoreSequences([0, 1], histories, together);
        for (var i = 0; i < alone.Length; i++) { Assert.Equal(alone[i], together[i], 4); }
    }

    [Theory]
    [InlineData("sasrec")]
    [InlineData("gru4rec")]
    [InlineData("bert4rec")]
    [InlineData("nextitnet")]
    public void BundleRoundTripScoresIdentically(string alias)
    {
        var data = new SequentialSynthetic();
        using var model = SequentialSynthetic.Small(alias, epochs: 2);
        model.Fit(data.Train, Synthetic.Context());
        using var dir = new TempDirectory();
        new ModelBundle(model, data.Train.Users, data.Train.Items, data.Train.UserItems).Save(dir.Path);
        var loaded = ModelBundle.Load(dir.Path);
        Assert.Equal(alias, loaded.Model.Alias);
        var users = Enumerable.Range(0, data.Train.UserCount).ToArray();
        var expected = new float[users.Length * model.ItemCount];
        var actual = new float[expected.Length];
        model.Score(users, data.Train.UserItems, expected);
        // No dataset: the loaded model reads the ordered histories it saved.
        loaded.Model.Score(users, loaded.History, actual);
        Assert.Equal(expected, actual);
        var fromSequences = new float[expected.Length];
        ((SequentialRecommender)loaded.Model).ScoreSequences(users, data.Sequences, fromSequences);
        Assert.Equal(expected, fromSequences);
        ((IDisposable)loaded.Model).Dispose();
    }
}
