using Chucheon.Data.Continual;
using Chucheon.Neural.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Continual;

public sealed class DownstreamNcfTests
{
    [Fact]
    public void A_learned_representation_initialises_ncf_and_every_test_user_is_scored()
    {
        var stream = SyntheticStream.Create();
        using var learner = new FineAllLearner(stream, SyntheticStream.Options(epochs: 1), CPU);
        learner.Run();
        using var representation = learner.UserRepresentations(stream.Count - 1);
        var task = stream["item_set"];

        var scores = DownstreamNcf.Run("FineAll", task, representation, dim: 8, epochs: 2, seed: 1, CPU);

        Assert.Equal([stream.Sequences.UserCount, 16L], representation.shape);
        // Every synthetic user has two labels: holding one out leaves one training item, so every test user is cold.
        Assert.Equal(task.UsersIn(TaskPart.Test).Length, scores.ColdUsers);
        Assert.Equal(0, scores.WarmUsers);
        Assert.All(scores.ColdHit, h => Assert.InRange(h, 0, 1));
        Assert.True(scores.ColdHit[0] <= scores.ColdHit[1] && scores.ColdHit[1] <= scores.ColdHit[2]);
    }

    [Fact]
    public void A_classification_task_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DownstreamNcf.Run("x", SyntheticStream.Create()["group"], null, 8, 1, 1, CPU));
        Assert.Contains("group", error.Message, StringComparison.Ordinal);
    }
}
