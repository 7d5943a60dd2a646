using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>AutoInt's interacting layer: <see cref="FieldSelfAttention"/> whose keys are per-head projections of the
/// fields, so field i's score for field j is ⟨W_q eᵢ, W_k eⱼ⟩.</summary>
/// <remarks>Song et al., "AutoInt: Automatic Feature Interaction Learning via Self-Attentive Neural Networks", CIKM
/// 2019. Scores are scaled by 1/√head_dim as in the Transformer; the paper leaves them unscaled.</remarks>
public sealed class InteractingLayer : FieldSelfAttention
{
    private readonly Linear key;

    public InteractingLayer(long input, int heads, int headDim, string name = "interacting") : base(input, heads, headDim, name)
    {
        key = nn.Linear(input, heads * headDim, hasBias: false);
        RegisterComponents();
    }

    protected override Tensor Scores(Tensor fields, Tensor queries)
    {
        using var k = SplitHeads(key.forward(fields));
        using var kt = k.transpose(-1, -2);
        return queries.matmul(kt);
    }
}
