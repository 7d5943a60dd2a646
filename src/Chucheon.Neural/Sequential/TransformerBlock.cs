using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>One transformer block: self-attention then a point-wise feed-forward layer, each with a residual
/// connection and a layer norm. Pre-norm: x + attention(LN(x)), then x + FFN(LN(x)) (Chucheon's default). Post-norm:
/// LN(x + attention(x)), then LN(x + FFN(x)) (the S3-Rec / CoSeRec SASRec block). BERT4Rec uses the same block
/// without the causal mask.</summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly LayerNorm attentionNorm;
    private readonly MultiHeadSelfAttention attention;
    private readonly LayerNorm feedForwardNorm;
    private readonly Linear expand;
    private readonly Linear contract;
    private readonly double _dropout;
    private readonly SelfAttentionStyle _style;

    public TransformerBlock(int dim, int heads, double dropout, SelfAttentionStyle style) : base(nameof(TransformerBlock))
    {
        _dropout = dropout;
        _style = style;
        // The reference post-norm code base uses eps 1e-12; the pre-norm SASRec code uses 1e-8. Both are far below
        // the variance of any real hidden state, so the value only matters for all-zero padding rows.
        attentionNorm = nn.LayerNorm(dim, eps: 1e-8);
        attention = new MultiHeadSelfAttention(dim, heads, dropout);
        feedForwardNorm = nn.LayerNorm(dim, eps: 1e-8);
        expand = nn.Linear(dim, dim * style.FeedForwardMultiplier);
        contract = nn.Linear(dim * style.FeedForwardMultiplier, dim);
        RegisterComponents();
    }

    /// <param name="x">[B, T, D].</param>
    /// <param name="allowed">[B, 1, T, T] boolean: query t may attend key s.</param>
    public override Tensor forward(Tensor x, Tensor allowed)
    {
        using var scope = NewDisposeScope();
        var result = _style.Norm == BlockNorm.Pre ? PreNorm(x, allowed) : PostNorm(x, allowed);
        return result.MoveToOuterDisposeScope();
    }

    private Tensor PreNorm(Tensor x, Tensor allowed)
    {
        var attended = x + F.dropout(attention.forward(attentionNorm.forward(x), allowed), _dropout, training);
        var hidden = F.dropout(Activate(expand.forward(feedForwardNorm.forward(attended))), _dropout, training);
        return attended + F.dropout(contract.forward(hidden), _dropout, training);
    }

    /// <summary>As the reference code: dropout on each sub-layer's output before the residual sum, none inside the
    /// feed-forward layer.</summary>
    private Tensor PostNorm(Tensor x, Tensor allowed)
    {
        var attended = attentionNorm.forward(x + F.dropout(attention.forward(x, allowed), _dropout, training));
        var transformed = contract.forward(Activate(expand.forward(attended)));
        return feedForwardNorm.forward(attended + F.dropout(transformed, _dropout, training));
    }

    private Tensor Activate(Tensor x) => _style.Activation == FeedForwardActivation.Gelu ? F.gelu(x) : F.relu(x);
}
