using Chucheon.Data.Ctr;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>The first-order part of a CTR model, w₀ + Σ wᵢ·xᵢ over an example's features: [B, S] → [B].</summary>
public sealed class LinearTerm : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding weights;
    private readonly Parameter bias;

    public LinearTerm(CtrLayout layout, string name = "linear") : base(name)
    {
        weights = nn.Embedding(layout.FeatureCount, 1);
        bias = nn.Parameter(zeros(1));
        using (no_grad()) { weights.weight!.zero_(); }
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var w = weights.forward(indices);
        using var squeezed = w.squeeze(-1);
        using var terms = squeezed * values;
        using var sum = terms.sum(1);
        return sum + bias;
    }

    /// <summary>The first-order weights' L2 penalty before λ, in the same two modes as
    /// <see cref="FieldEmbedding.Penalty"/>: the squared weights each example used, averaged over the batch, or the
    /// whole weight vector every step. The bias is left out: it only sets the base rate and has nothing to over-fit.</summary>
    public Tensor Penalty(Tensor indices, EmbeddingRegularization mode) => TablePenalty.Of(weights, indices, mode);
}
