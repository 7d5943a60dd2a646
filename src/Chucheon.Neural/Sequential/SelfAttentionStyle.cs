namespace Chucheon.Neural.Sequential;

/// <summary>Where a transformer block normalises.</summary>
public enum BlockNorm
{
    /// <summary>x + f(LN(x)) per sub-layer, input embeddings scaled by √D, one layer norm after the last block.</summary>
    Pre,

    /// <summary>LN(x + f(x)) per sub-layer, input embeddings (item + position) layer-normed and not scaled, no final
    /// layer norm: the block of the S3-Rec / CoSeRec / ICLRec SASRec code base.</summary>
    Post,
}

/// <summary>Non-linearity of the point-wise feed-forward layer.</summary>
public enum FeedForwardActivation
{
    Relu,
    Gelu,
}

/// <summary>Architecture choices of <see cref="SelfAttentionEncoder"/> beyond its sizes.</summary>
/// <param name="Norm">Pre- or post-norm blocks.</param>
/// <param name="FeedForwardMultiplier">Inner width of the feed-forward layer in multiples of the hidden width.</param>
/// <param name="Activation">Feed-forward non-linearity.</param>
/// <param name="InitStd">&gt; 0: every linear layer's weight starts normal(0, InitStd) and its bias at zero;
/// 0: libtorch's default (Kaiming-uniform) initialisation.</param>
public sealed record SelfAttentionStyle(BlockNorm Norm, int FeedForwardMultiplier, FeedForwardActivation Activation, double InitStd)
{
    /// <summary>The original Chucheon block: pre-norm, D→D ReLU feed-forward, libtorch initialisation.</summary>
    public static SelfAttentionStyle Default { get; } = new(BlockNorm.Pre, 1, FeedForwardActivation.Relu, 0);
}
