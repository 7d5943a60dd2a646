using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>One pre-norm transformer block: x + attention(LN(x)), then x + FFN(LN(x)) with a ReLU point-wise
/// feed-forward of the same width (SASRec's block; BERT4Rec uses the same block without the causal mask).</summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly LayerNorm attentionNorm;
    private readonly MultiHeadSelfAttention attention;
    private readonly LayerNorm feedForwardNorm;
    private readonly Linear expand;
    private readonly Linear contract;
    private readonly double _dropout;

    public TransformerBlock(int dim, int heads, double dropout) : base(nameof(TransformerBlock))
    {
        _dropout = dropout;
        attentionNorm = nn.LayerNorm(dim, eps: 1e-8);
        attention = new MultiHeadSelfAttention(dim, heads, dropout);
        feedForwardNorm = nn.LayerNorm(dim, eps: 1e-8);
        expand = nn.Linear(dim, dim);
        contract = nn.Linear(dim, dim);
        RegisterComponents();
    }

    /// <param name="x">[B, T, D].</param>
    /// <param name="allowed">[B, 1, T, T] boolean: query t may attend key s.</param>
    public override Tensor forward(Tensor x, Tensor allowed)
    {
        using var scope = NewDisposeScope();
        var attended = x + F.dropout(attention.forward(attentionNorm.forward(x), allowed), _dropout, training);
        var hidden = F.dropout(F.relu(expand.forward(feedForwardNorm.forward(attended))), _dropout, training);
        var result = attended + F.dropout(contract.forward(hidden), _dropout, training);
        return result.MoveToOuterDisposeScope();
    }
}
