using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary>A CTR model's network: ([B, S] feature indices, [B, S] values) → [B] click logits.</summary>
public abstract class CtrNetwork(string name) : nn.Module<Tensor, Tensor, Tensor>(name)
{
    /// <summary>The embedding regulariser's value for this batch (before multiplying by λ); zero for models without
    /// embeddings.</summary>
    public abstract Tensor EmbeddingPenalty(Tensor indices, Layers.EmbeddingRegularization mode);

    /// <summary>The first-order (per-feature weight) term, which <c>linear_l2</c> penalises; null for networks
    /// without one (<c>dcn</c>, <c>dcnv2</c>, <c>autoint</c>, <c>masknet</c>), so the option can be rejected for them
    /// instead of silently doing nothing.</summary>
    public virtual Layers.LinearTerm? FirstOrder => null;

    /// <summary>[B, F, D] → [B, F·D].</summary>
    protected static Tensor Flatten(Tensor fields) => fields.reshape(fields.shape[0], -1);
}

/// <summary>A network whose attention weights can be reported per layer and field pair.</summary>
public interface IAttentionNetwork
{
    /// <summary>One (layer name, [B, H, F, F] weights) entry per attention layer; row i holds what field i attends to
    /// (AFM reports its pair weights as a symmetric [B, 1, F, F] map).</summary>
    IReadOnlyList<(string Layer, Tensor Weights)> AttentionMaps(Tensor indices, Tensor values);
}
