using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Continual;

/// <summary>The distance TERACON's knowledge retention minimises between a head's outputs now and its frozen
/// pseudo-labels, both [B, labels].</summary>
public static class RetentionLoss
{
    public static Tensor Of(TeraconRetention kind, Tensor outputs, Tensor targets, double temperature)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (!outputs.shape.SequenceEqual(targets.shape) || outputs.dim() != 2)
        {
            throw new ArgumentException($"Retention needs [B, labels] outputs and pseudo-labels of the same shape; got " +
                $"[{string.Join(", ", outputs.shape)}] and [{string.Join(", ", targets.shape)}].");
        }

        return kind switch
        {
            TeraconRetention.Mse => F.mse_loss(outputs, targets),
            TeraconRetention.Kl => Distillation(outputs, targets, temperature),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown retention loss."),
        };
    }

    /// <summary>T² · mean over rows of KL(softmax(targets / T) ‖ softmax(outputs / T)); the T² keeps the gradient's size
    /// comparable across temperatures.</summary>
    private static Tensor Distillation(Tensor outputs, Tensor targets, double temperature)
    {
        if (!(temperature > 0)) { throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be positive."); }

        using var scope = NewDisposeScope();
        var frozen = F.log_softmax(targets / temperature, 1);
        var current = F.log_softmax(outputs / temperature, 1);
        var divergence = (frozen.exp() * (frozen - current)).sum(1).mean() * (temperature * temperature);
        return divergence.MoveToOuterDisposeScope();
    }
}
