using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>Multi-head self-attention over [B, T, D] with a boolean "may attend" mask [B, 1, T, T], through libtorch's
/// fused scaled-dot-product kernel.</summary>
public sealed class MultiHeadSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear queryKeyValue;
    private readonly Linear output;
    private readonly int _heads;
    private readonly double _dropout;

    public MultiHeadSelfAttention(int dim, int heads, double dropout) : base(nameof(MultiHeadSelfAttention))
    {
        _heads = heads;
        _dropout = dropout;
        queryKeyValue = nn.Linear(dim, 3 * dim);
        output = nn.Linear(dim, dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor allowed)
    {
        using var scope = NewDisposeScope();
        var (b, t, d) = (x.shape[0], x.shape[1], x.shape[2]);
        var qkv = queryKeyValue.forward(x).view(b, t, 3, _heads, d / _heads).permute(2, 0, 3, 1, 4);
        var attended = F.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], allowed, training ? _dropout : 0.0);
        var merged = attended.transpose(1, 2).reshape(b, t, d);
        return output.forward(merged).MoveToOuterDisposeScope();
    }
}
