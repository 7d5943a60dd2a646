using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>Self-attention over field embeddings whose keys are the FM second-order interaction vectors: field i's
/// query qᵢ = W_q eᵢ is scored against k_ij = W_k (eᵢ ⊙ eⱼ) — the very term whose sum ⟨eᵢ, eⱼ⟩ an FM adds — so the
/// weight field i gives field j depends on how the pair interacts, not only on what j is. Values, residual and ReLU
/// are AutoInt's (<see cref="FieldSelfAttention"/>). Self-pairs are masked (an FM has no eᵢ ⊙ eᵢ term).</summary>
/// <remarks>Chucheon's own variant (issue 6), combining Rendle's FM with AutoInt's interacting layer.</remarks>
public sealed class FmAttentionLayer : FieldSelfAttention
{
    private readonly LayerNorm pairNorm;
    private readonly Linear pairKey;

    public FmAttentionLayer(long input, int heads, int headDim, string name = "fm_attention") : base(input, heads, headDim, name)
    {
        pairNorm = nn.LayerNorm(input);
        pairKey = nn.Linear(input, heads * headDim, hasBias: false);
        RegisterComponents();
    }

    protected override Tensor Scores(Tensor fields, Tensor queries)
    {
        var batch = fields.shape[0];
        var count = fields.shape[1];
        using var left = fields.unsqueeze(2);
        using var right = fields.unsqueeze(1);
        using var pairs = left * right;
        // eᵢ ⊙ eⱼ is quadratic in the embedding scale (about 1e-4 at initialisation), which left every score near
        // zero and the attention uniform; normalising each pair vector keeps its direction and restores the scale.
        using var normalised = pairNorm.forward(pairs);
        using var keys = pairKey.forward(normalised);
        using var keyHeads = keys.view(batch, count, count, Heads, HeadDim);
        using var k = keyHeads.permute(0, 3, 1, 2, 4);
        using var qi = queries.unsqueeze(3);
        using var products = qi * k;
        using var raw = products.sum(-1);
        if (count <= 1) { return raw.alias(); }
        using var self = eye(count, dtype: ScalarType.Bool, device: fields.device);
        return raw.masked_fill(self, float.NegativeInfinity);
    }
}
