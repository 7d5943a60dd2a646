using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>fwfm</c>: linear term plus Σ_{i&lt;j} r_{f(i),f(j)} ⟨eᵢ, eⱼ⟩, one learned weight per field pair: FFM's
/// field awareness at FM's memory cost.</summary>
/// <remarks>Pan et al., "Field-weighted Factorization Machines for Click-Through Rate Prediction in Display
/// Advertising", WWW 2018.</remarks>
public sealed class FwFmNet : CtrNetwork
{
    private readonly LinearTerm linear;
    private readonly FieldEmbedding embedding;
    private readonly Parameter pairWeights;
    private readonly FieldPairs _pairs;

    public FwFmNet(CtrLayout layout, CtrOptions options) : base("fwfm")
    {
        _pairs = new FieldPairs(layout.FieldCount);
        linear = new LinearTerm(layout);
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        pairWeights = nn.Parameter(ones(_pairs.Count));
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var first = linear.forward(indices, values);
        using var fields = embedding.forward(indices, values);
        var (left, right) = _pairs.Gather(fields);
        using var l = left;
        using var r = right;
        using var products = l * r;
        using var dots = products.sum(2);
        using var weighted = dots * pairWeights;
        using var second = weighted.sum(1);
        return first + second;
    }

    public override LinearTerm FirstOrder => linear;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);
}
