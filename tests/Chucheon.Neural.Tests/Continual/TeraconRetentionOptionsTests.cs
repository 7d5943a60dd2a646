using Chucheon.Configuration;
using Chucheon.Neural.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Continual;

/// <summary>TERACON's retention knobs: a later-task learning rate, retention on the masked encoding, and the distance
/// (MSE or softmax KL) on the head outputs.</summary>
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

    [Fact]
    public void Kl_retention_is_zero_at_the_pseudo_labels_and_blind_to_a_shift_of_all_logits()
    {
        using var scope = NewDisposeScope();
        var targets = tensor(new float[] { 2, 0, -1, 0.5f, 0.5f, 3 }, [2, 3]);

        Assert.Equal(0f, RetentionLoss.Of(TeraconRetention.Kl, targets, targets, 2).item<float>(), 6);
        Assert.Equal(0f, RetentionLoss.Of(TeraconRetention.Kl, targets + 7, targets, 2).item<float>(), 5);
        Assert.True(RetentionLoss.Of(TeraconRetention.Mse, targets + 7, targets, 2).item<float>() > 40);
    }

    [Fact]
    public void Kl_retention_matches_a_hand_computed_two_class_case()
    {
        using var scope = NewDisposeScope();
        // Frozen p = softmax(ln 3, 0) = (3/4, 1/4); now q = (1/2, 1/2); T = 1.
        var targets = tensor(new float[] { (float)Math.Log(3), 0 }, [1, 2]);
        var outputs = zeros(1, 2);
        var expected = (0.75 * Math.Log(0.75 / 0.5)) + (0.25 * Math.Log(0.25 / 0.5));

        Assert.Equal(expected, RetentionLoss.Of(TeraconRetention.Kl, outputs, targets, 1).item<float>(), 5);
        // At T = 2 the logits halve and the result is scaled by T² = 4.
        var half = tensor(new float[] { (float)Math.Log(3) / 2, 0 }, [1, 2]);
        var p = Math.Exp(Math.Log(3) / 2) / (Math.Exp(Math.Log(3) / 2) + 1);
        var atTwo = 4 * ((p * Math.Log(p / 0.5)) + ((1 - p) * Math.Log((1 - p) / 0.5)));
        Assert.Equal(atTwo, RetentionLoss.Of(TeraconRetention.Kl, outputs, targets, 2).item<float>(), 5);
        Assert.Equal(0f, RetentionLoss.Of(TeraconRetention.Kl, half * 2, targets, 2).item<float>(), 6);
    }

    [Fact]
    public void Retention_rejects_mismatched_outputs_and_a_non_positive_temperature()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => RetentionLoss.Of(TeraconRetention.Kl, zeros(2, 3), zeros(2, 4), 1));
        Assert.Contains("[2, 4]", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionLoss.Of(TeraconRetention.Kl, zeros(2, 3), zeros(2, 3), 0));
    }

    [Fact]
    public void Kl_retention_with_a_large_alpha_drifts_earlier_scores_less_than_no_retention()
    {
        var none = SyntheticStream.Options(epochs: 2);
        none.Alpha = 0;
        var kl = SyntheticStream.Options(epochs: 2);
        kl.Alpha = 50;
        kl.TeraconRetention = TeraconRetention.Kl;

        Assert.True(Drift(kl) < Drift(none));
    }

    [Theory]
    [InlineData("teracon_later_learning_rate")]
    [InlineData("teracon_state_retention")]
    [InlineData("teracon_retention_temperature")]
    public void Out_of_range_settings_are_refused_by_name(string key)
    {
        var options = SyntheticStream.Options();
        if (key == "teracon_later_learning_rate") { options.TeraconLaterLearningRate = -1e-3; }
        else if (key == "teracon_state_retention") { options.TeraconStateRetention = -1; }
        else { options.TeraconRetentionTemperature = 0; }

        Assert.Equal(key, Assert.Throws<OptionsException>(options.Validate).Key);
    }
}
