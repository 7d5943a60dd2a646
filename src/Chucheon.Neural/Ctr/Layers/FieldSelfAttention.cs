using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>Multi-head self-attention across fields, [B, F, D_in] → [B, F, heads·head_dim]: what AutoInt's
/// <see cref="InteractingLayer"/> and <see cref="FmAttentionLayer"/> share. Queries and values are per-head projections
/// of the fields; a subclass supplies the raw scores [B, H, F, F] (how it forms keys is the whole difference), then the
/// scores are scaled by 1/√head_dim, softmaxed, mix the values, and a residual projection and ReLU follow.
/// <see cref="Attend"/> also returns the attention weights (row i: how much field i attends to each field j).</summary>
public abstract class FieldSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear value;
    private readonly Linear residual;

    protected FieldSelfAttention(long input, int heads, int headDim, string name) : base(name)
    {
        Heads = heads;
        HeadDim = headDim;
        query = nn.Linear(input, heads * headDim, hasBias: false);
        value = nn.Linear(input, heads * headDim, hasBias: false);
        residual = nn.Linear(input, heads * headDim, hasBias: false);
        // Registered here because a subclass's RegisterComponents does not see a base class's private fields.
        register_module("query", query);
        register_module("value", value);
        register_module("residual", residual);
    }

    public long OutputWidth => Heads * HeadDim;

    protected int Heads { get; }

    protected int HeadDim { get; }

    public override Tensor forward(Tensor fields)
    {
        var (output, attention) = Attend(fields);
        attention.Dispose();
        return output;
    }

    public (Tensor Output, Tensor Attention) Attend(Tensor fields)
    {
        using var q = SplitHeads(query.forward(fields));
        using var v = SplitHeads(value.forward(fields));
        using var raw = Scores(fields, q);
        using var scaled = raw / Math.Sqrt(HeadDim);
        var attention = scaled.softmax(-1);
        using var mixed = attention.matmul(v);
        using var back = mixed.transpose(1, 2);
        using var merged = back.reshape(back.shape[0], back.shape[1], -1);
        using var skip = residual.forward(fields);
        using var sum = merged + skip;
        return (nn.functional.relu(sum), attention);
    }

    /// <summary>Unscaled attention scores [B, H, F, F] of the fields [B, F, D_in] given their queries [B, H, F, d];
    /// −∞ masks a pair out.</summary>
    protected abstract Tensor Scores(Tensor fields, Tensor queries);

    /// <summary>[B, F, H·d] → [B, H, F, d]; disposes its argument.</summary>
    protected Tensor SplitHeads(Tensor projected)
    {
        using (projected)
        {
            using var view = projected.view(projected.shape[0], projected.shape[1], Heads, HeadDim);
            return view.transpose(1, 2);
        }
    }
}
