using Chucheon.Configuration;
using Chucheon.Neural.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Continual;

/// <summary>TERACON's two retention knobs: a later-task learning rate and retention on the masked encoding.</summary>
public sealed class TeraconRetentionOptionsTests
{
    private static double Drift(ContinualModelOptions options)
    {
        using var learner = new TeraconLearner(SyntheticStream.Create(), options, CPU, relationSampling: true);
        var matrix = learner.Run();
        var drift = 0.0;
        for (var i = 0; i < matrix.Count - 1; i++) { drift += Math.Abs(matrix[matrix.Count - 1, i] - matrix[i, i]); }
        return drift;
    }

    [Fact]
    public void A_vanishing_later_learning_rate_freezes_what_earlier_tasks_score()
    {
        // Without retention every later task moves the shared backbone, so the earlier scores change...
        var options = SyntheticStream.Options(epochs: 2);
        options.Alpha = 0;
        Assert.True(Drift(options) > 0);

        // ...and with (almost) no step after the first task they cannot.
        options.TeraconLaterLearningRate = 1e-12;
        Assert.Equal(0, Drift(options), 6);
    }

    [Fact]
    public void State_retention_changes_training_only_when_switched_on()
    {
        var stream = SyntheticStream.Create();
        var plain = SyntheticStream.Options(epochs: 1);
        var held = SyntheticStream.Options(epochs: 1);
        held.TeraconStateRetention = 50;
        using var a = new TeraconLearner(stream, plain, CPU, relationSampling: true);
        using var b = new TeraconLearner(stream, held, CPU, relationSampling: true);
        var withoutState = a.Run();
        var withState = b.Run();

        // Task 0 trains before any retention term exists, so its own score is identical; later rows must differ.
        Assert.Equal(withoutState[0, 0], withState[0, 0]);
        var differs = false;
        for (var i = 1; i < withState.Count; i++)
        {
            for (var j = 0; j <= i; j++) { differs |= withoutState[i, j] != withState[i, j]; }
        }

        Assert.True(differs);
    }

    [Fact]
    public void State_retention_loss_is_the_mean_over_real_positions_only()
    {
        using var scope = NewDisposeScope();
        // One user, three positions (the first is padding), two units.
        var tokens = tensor(new long[] { 0, 5, 7 }, [1, 3]);
        var target = zeros(1, 3, 2);
        var encoded = tensor(new float[] { 100, -100, 1, 2, 3, 4 }, [1, 3, 2]);

        var loss = StateRetention.Loss(encoded, target, tokens).item<float>();

        // (1 + 4 + 9 + 16) / 4: the padding row's ±100 must not count.
        Assert.Equal(7.5f, loss, 5);
    }

    [Fact]
    public void State_retention_rejects_mismatched_shapes()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => StateRetention.Loss(zeros(1, 3, 2), zeros(1, 3, 4), zeros(1, 3, ScalarType.Int64)));
        Assert.Contains("[1, 3, 4]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teracon_later_learning_rate")]
    [InlineData("teracon_state_retention")]
    public void Negative_settings_are_refused_by_name(string key)
    {
        var options = SyntheticStream.Options();
        if (key == "teracon_later_learning_rate") { options.TeraconLaterLearningRate = -1e-3; }
        else { options.TeraconStateRetention = -1; }

        Assert.Equal(key, Assert.Throws<OptionsException>(options.Validate).Key);
    }
}
