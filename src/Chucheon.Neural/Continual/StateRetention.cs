using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>TERACON's optional retention on the masked encoding (<see cref="ContinualModelOptions.TeraconStateRetention"/>):
/// the mean squared difference between an earlier task's view of the sequence now and before the current task trained,
/// over every real position. Prefixes are extra retention points for the same forward pass — the retention users are
/// the current task's training users, while an earlier task is scored on other users.</summary>
public static class StateRetention
{
    /// <summary>Mean over real (non-padding) positions and units of (encoded − target)²; [B, T, D] encodings, [B, T] tokens.</summary>
    public static Tensor Loss(Tensor encoded, Tensor target, Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(tokens);
        if (!encoded.shape.SequenceEqual(target.shape) || encoded.dim() != 3 || tokens.dim() != 2
            || tokens.shape[0] != encoded.shape[0] || tokens.shape[1] != encoded.shape[1])
        {
            throw new ArgumentException($"State retention needs [B, T, D] encodings and targets with [B, T] tokens; got " +
                $"[{string.Join(", ", encoded.shape)}], [{string.Join(", ", target.shape)}] and [{string.Join(", ", tokens.shape)}].");
        }

        using var scope = NewDisposeScope();
        // Padding positions are zero on both sides; counting them would shrink the term for short sequences.
        var present = tokens.ne(0L).unsqueeze(-1).to(encoded.dtype);
        var squared = (encoded - target).pow(2) * present;
        var count = (present.sum() * encoded.shape[2]).clamp_min(1);
        return (squared.sum() / count).MoveToOuterDisposeScope();
    }
}
