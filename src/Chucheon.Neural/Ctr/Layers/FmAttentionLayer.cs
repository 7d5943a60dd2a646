using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>Self-attention over field embeddings whose keys are the FM second-order interaction vectors: field i's
/// query qᵢ = W_q eᵢ is scored against k_ij = W_k (eᵢ ⊙ eⱼ) — the very term whose sum ⟨eᵢ, eⱼ⟩ an FM adds — so the
/// weight field i gives field j depends on how the pair interacts, not only on what j is. Values are W_v eⱼ; a
/// residual projection and ReLU follow, as in AutoInt. Self-pairs are masked (an FM has no eᵢ ⊙ eᵢ term).
/// [B, F, D] → [B, F, heads·head_dim], with attention [B, H, F, F].</summary>
/// <remarks>Chucheon's own variant (issue 6), combining Rendle's FM with AutoInt's interacting layer.</remarks>
public sealed class FmAttentionLayer : nn.Module<Tensor, Tensor>
{
    private readonly Linear query;
    private readonly LayerNorm pairNorm;
    private readonly Linear pairKey;
    private readonly Linear value;
    private readonly Linear residual;
    private readonly int _heads;
    private readonly int _headDim;

    public FmAttentionLayer(long input, int heads, int headDim, string name = "fm_attention") : base(name)
    {
        _heads = heads;
        _headDim = headDim;
        query = nn.Linear(input, heads * headDim, hasBias: false);
        pairNorm = nn.LayerNorm(input);
        pairKey = nn.Linear(input, heads * headDim, hasBias: false);
        value = nn.Linear(input, heads * headDim, hasBias: false);
        residual = nn.Linear(input, heads * headDim, hasBias: false);
        RegisterComponents();
    }

    public long OutputWidth => _heads * _headDim;

    public override Tensor forward(Tensor fields)
    {
        var (output, attention) = Attend(fields);
        attention.Dispose();
        return output;
    }

    public (Tensor Output, Tensor Attention) Attend(Tensor fields)
    {
        var batch = fields.shape[0];
        var count = fields.shape[1];
        using var q = Heads(query.forward(fields), batch, count);
        using var v = Heads(value.forward(fields), batch, count);
        using var left = fields.unsqueeze(2);
        using var right = fields.unsqueeze(1);
        using var pairs = left * right;
        // eᵢ ⊙ eⱼ is quadratic in the embedding scale (about 1e-4 at initialisation), which left every score near
        // zero and the attention uniform; normalising each pair vector keeps its direction and restores the scale.
        using var normalised = pairNorm.forward(pairs);
        using var keys = pairKey.forward(normalised);
        using var keyHeads = keys.view(batch, count, count, _heads, _headDim);
        using var k = keyHeads.permute(0, 3, 1, 2, 4);
        using var qi = q.unsqueeze(3);
        using var products = qi * k;
        using var raw = products.sum(-1);
        using var scaled = raw / Math.Sqrt(_headDim);
        using var masked = count > 1 ? scaled.masked_fill(eye(count, dtype: ScalarType.Bool, device: fields.device), float.NegativeInfinity) : scaled.alias();
        var attention = masked.softmax(-1);
        using var mixed = attention.matmul(v);
        using var back = mixed.transpose(1, 2);
        using var merged = back.reshape(batch, count, -1);
        using var skip = residual.forward(fields);
        using var sum = merged + skip;
        return (nn.functional.relu(sum), attention);
    }

    private Tensor Heads(Tensor projected, long batch, long count)
    {
        using (projected)
        {
            using var view = projected.view(batch, count, _heads, _headDim);
            return view.transpose(1, 2);
        }
    }
}
