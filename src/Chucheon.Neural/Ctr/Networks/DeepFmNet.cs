using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>deepfm</c>: FM (linear + pair-wise) and an MLP sharing one set of field embeddings, logits summed.</summary>
/// <remarks>Guo, Tang, Ye, Li, He, "DeepFM: A Factorization-Machine based Neural Network for CTR Prediction", IJCAI
/// 2017.</remarks>
public sealed class DeepFmNet : CtrNetwork
{
    private readonly LinearTerm linear;
    private readonly FieldEmbedding embedding;
    private readonly Mlp deep;

    public DeepFmNet(CtrLayout layout, DeepCtrOptions options) : base("deepfm")
    {
        linear = new LinearTerm(layout);
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        deep = new Mlp(layout.FieldCount * options.EmbeddingDim, options.MlpDims, options.Dropout, options.BatchNorm, logitOutput: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var first = linear.forward(indices, values);
        using var fields = embedding.forward(indices, values);
        using var second = FmInteraction.Scalar(fields);
        using var flat = Flatten(fields);
        using var deepLogit = deep.forward(flat);
        using var squeezed = deepLogit.squeeze(-1);
        using var fm = first + second;
        return fm + squeezed;
    }

    public override LinearTerm FirstOrder => linear;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);
}
