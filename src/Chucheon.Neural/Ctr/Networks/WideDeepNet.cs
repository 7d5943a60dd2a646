using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>widedeep</c>: a wide linear part plus an MLP over the concatenated field embeddings.</summary>
/// <remarks>Cheng et al., "Wide &amp; Deep Learning for Recommender Systems", DLRS 2016. The wide part sees the raw
/// features only; hand-made cross features are left to the data schema.</remarks>
public sealed class WideDeepNet : CtrNetwork
{
    private readonly LinearTerm wide;
    private readonly FieldEmbedding embedding;
    private readonly Mlp deep;

    public WideDeepNet(CtrLayout layout, DeepCtrOptions options) : base("widedeep")
    {
        wide = new LinearTerm(layout);
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        deep = new Mlp(layout.FieldCount * options.EmbeddingDim, options.MlpDims, options.Dropout, options.BatchNorm, logitOutput: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var first = wide.forward(indices, values);
        using var fields = embedding.forward(indices, values);
        using var flat = Flatten(fields);
        using var deepLogit = deep.forward(flat);
        using var squeezed = deepLogit.squeeze(-1);
        return first + squeezed;
    }

    public override LinearTerm FirstOrder => wide;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);
}
