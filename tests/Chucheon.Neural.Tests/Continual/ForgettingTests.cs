using Chucheon.Evaluation.Continual;
using Chucheon.Neural.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Continual;

/// <summary>Parameter isolation must make earlier tasks' scores exactly unchanged; plain fine-tuning must not.</summary>
public sealed class ForgettingTests
{
    [Theory]
    [InlineData(ConureLearner.Alias)]
    [InlineData(PeterRecLearner.Alias)]
    [InlineData(PiggybackLearner.Alias)]
    [InlineData(SinMoLearner.Alias)]
    public void Isolating_methods_never_change_an_earlier_task(string alias)
    {
        using var learner = ContinualMethods.Create(alias, SyntheticStream.Create(), SyntheticStream.Options(epochs: 2), CPU);
        var matrix = learner.Run();

        for (var i = 0; i < matrix.Count; i++)
        {
            for (var j = i + 1; j < matrix.Count; j++) { Assert.Equal(matrix[i, i], matrix[j, i]); }
        }
    }

    [Fact]
    public void Fine_tuning_everything_changes_the_first_task()
    {
        using var learner = new FineAllLearner(SyntheticStream.Create(), SyntheticStream.Options(epochs: 2), CPU);
        var matrix = learner.Run();

        Assert.NotEqual(matrix[0, 0], matrix[matrix.Count - 1, 0]);
    }

    [Fact]
    public void Relation_aware_sampling_runs_fewer_retention_rows_than_every_user()
    {
        var stream = SyntheticStream.Create();
        using var sampled = new TeraconLearner(stream, SyntheticStream.Options(epochs: 1), CPU, relationSampling: true);
        using var full = new TeraconLearner(stream, SyntheticStream.Options(epochs: 1), CPU, relationSampling: false);
        sampled.Run();
        full.Run();

        // With ρ = 1 each later task replays every training user once per earlier task and epoch.
        var expected = stream.Tasks.Select((t, i) => (long)t.UsersIn(Chucheon.Data.Continual.TaskPart.Train).Length * i).Sum();
        Assert.Equal(expected, full.RetentionRows);
        Assert.InRange(sampled.RetentionRows, 1, full.RetentionRows - 1);
    }
}
