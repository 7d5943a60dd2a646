using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>What a contrastive view is represented by.</summary>
public enum ContrastiveRepresentation
{
    /// <summary>The newest position's hidden state [B, D] (what scoring reads).</summary>
    Last,

    /// <summary>The mean of the hidden states of the non-padding positions [B, D].</summary>
    Mean,

    /// <summary>Every position's hidden state, concatenated [B, max_length × D], padding positions zero (the published
    /// CL4SRec compares whole flattened output sequences).</summary>
    Flatten,
}

/// <summary>Reduces an encoder's per-position output to the vector InfoNCE compares.</summary>
public static class SequenceRepresentation
{
    /// <param name="hidden">[B, T, D] encoder output for right-aligned tokens.</param>
    /// <param name="tokens">[B, T] the encoded tokens (0 = padding).</param>
    /// <param name="kind">Which reduction.</param>
    /// <param name="maxLength">Window the flattened form is left-padded to, so views of different widths compare.</param>
    public static Tensor Of(Tensor hidden, Tensor tokens, ContrastiveRepresentation kind, int maxLength)
    {
        var (b, t) = (hidden.shape[0], hidden.shape[1]);
        if (kind == ContrastiveRepresentation.Last) { return hidden.select(1, t - 1); }
        using var scope = NewDisposeScope();
        var present = tokens.ne(0L).unsqueeze(-1).to(hidden.dtype);
        var kept = hidden * present;
        var result = kind == ContrastiveRepresentation.Mean
            ? kept.sum(1) / present.sum(1).clamp_min(1.0)
            : F.pad(kept, [0, 0, maxLength - t, 0]).reshape(b, -1);
        return result.MoveToOuterDisposeScope();
    }
}
