using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>AutoInt's interacting layer: multi-head self-attention across fields with a residual projection and ReLU,
/// [B, F, D_in] → [B, F, heads·head_dim]. <see cref="Attend"/> also returns the attention weights [B, H, F, F]
/// (row i: how much field i attends to each field j), which the attention dump reports.</summary>
/// <remarks>Song et al., "AutoInt: Automatic Feature Interaction Learning via Self-Attentive Neural Networks", CIKM
/// 2019. Scores are scaled by 1/√head_dim as in the Transformer; the paper leaves them unscaled.</remarks>
public sealed class InteractingLayer : nn.Module<Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear residual;
    private readonly int _heads;
    private readonly int _headDim;

    public InteractingLayer(long input, int heads, int headDim, string name = "interacting") : base(name)
    {
        _heads = heads;
        _headDim = headDim;
        query = nn.Linear(input, heads * headDim, hasBias: false);
        key = nn.Linear(input, heads * headDim, hasBias: false);
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
        using var q = SplitHeads(query.forward(fields));
        using var k = SplitHeads(key.forward(fields));
        using var v = SplitHeads(value.forward(fields));
        return Combine(fields, q, k, v);
    }

    /// <summary>Attention with caller-supplied per-pair keys [B, H, F, F, d] (the FM-attention variant).</summary>
    internal (Tensor Output, Tensor Attention) Combine(Tensor fields, Tensor q, Tensor k, Tensor v)
    {
        using var kt = k.transpose(-1, -2);
        using var raw = q.matmul(kt);
        using var scaled = raw / Math.Sqrt(_headDim);
        var attention = scaled.softmax(-1);
        using var mixed = attention.matmul(v);
        using var merged = MergeHeads(mixed);
        using var skip = residual.forward(fields);
        using var sum = merged + skip;
        return (nn.functional.relu(sum), attention);
    }

    internal Tensor SplitHeads(Tensor projected)
    {
        using (projected)
        {
            using var view = projected.view(projected.shape[0], projected.shape[1], _heads, _headDim);
            return view.transpose(1, 2);
        }
    }

    private static Tensor MergeHeads(Tensor heads)
    {
        using var back = heads.transpose(1, 2);
        return back.reshape(back.shape[0], back.shape[1], -1);
    }
}
