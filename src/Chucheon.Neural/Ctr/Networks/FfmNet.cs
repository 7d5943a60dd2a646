using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>ffm</c>: linear term plus Σ_{i&lt;j} ⟨v_{i,f(j)}, v_{j,f(i)}⟩; every feature holds F vectors of width
/// <c>embedding_dim</c> (one per partner field).</summary>
/// <remarks>Juan, Zhuang, Chin, Lin, "Field-aware Factorization Machines for CTR Prediction", RecSys 2016.</remarks>
public sealed class FfmNet : CtrNetwork
{
    private readonly LinearTerm linear;
    private readonly FieldEmbedding embedding;
    private readonly FieldAwareInteraction _interaction;

    public FfmNet(CtrLayout layout, CtrOptions options) : base("ffm")
    {
        linear = new LinearTerm(layout);
        embedding = new FieldEmbedding(layout, layout.FieldCount * options.EmbeddingDim, options.EmbeddingInitStd);
        _interaction = new FieldAwareInteraction(layout.FieldCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var first = linear.forward(indices, values);
        using var fields = embedding.forward(indices, values);
        using var second = _interaction.Scalar(fields);
        return first + second;
    }

    public override LinearTerm FirstOrder => linear;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);
}
