using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>fibinet</c>: bilinear interactions of the embeddings and of their SENET-reweighted copy, concatenated
/// into an MLP, plus a linear term.</summary>
/// <remarks>Huang, Zhang, Zhang, "FiBiNET", RecSys 2019.</remarks>
public sealed class FiBiNetNet : CtrNetwork
{
    private readonly LinearTerm linear;
    private readonly FieldEmbedding embedding;
    private readonly SqueezeExcitation senet;
    private readonly BilinearInteraction bilinear;
    private readonly BilinearInteraction bilinearReweighted;
    private readonly Mlp deep;

    public FiBiNetNet(CtrLayout layout, FiBiNetOptions options) : base("fibinet")
    {
        var fields = layout.FieldCount;
        linear = new LinearTerm(layout);
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        senet = new SqueezeExcitation(fields, options.ReductionRatio);
        bilinear = new BilinearInteraction(fields, options.EmbeddingDim, options.Bilinear, "bilinear");
        bilinearReweighted = new BilinearInteraction(fields, options.EmbeddingDim, options.Bilinear, "bilinear_senet");
        deep = new Mlp(2L * bilinear.PairCount * options.EmbeddingDim, options.MlpDims, options.Dropout, options.BatchNorm, logitOutput: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var first = linear.forward(indices, values);
        using var fields = embedding.forward(indices, values);
        using var reweighted = senet.forward(fields);
        using var p = bilinear.forward(fields);
        using var q = bilinearReweighted.forward(reweighted);
        using var pFlat = Flatten(p);
        using var qFlat = Flatten(q);
        using var both = cat([pFlat, qFlat], 1);
        using var deepLogit = deep.forward(both);
        using var squeezed = deepLogit.squeeze(-1);
        return first + squeezed;
    }

    public override LinearTerm FirstOrder => linear;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);
}
