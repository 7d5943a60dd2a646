using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>AFM's attention-based pooling of pair-wise interactions: pᵢⱼ = eᵢ ⊙ eⱼ, aᵢⱼ = softmax(hᵀ ReLU(W pᵢⱼ + b)),
/// output Σ aᵢⱼ pᵢⱼ: [B, F, D] → ([B, D], attention [B, P]).</summary>
/// <remarks>Xiao et al., "Attentional Factorization Machines", IJCAI 2017.</remarks>
public sealed class AttentionalPooling : nn.Module<Tensor, Tensor>
{
    private readonly Linear attention;
    private readonly Linear projection;
    private readonly FieldPairs _pairs;

    public AttentionalPooling(int fields, int dim, int attentionDim, string name = "attentional_pooling") : base(name)
    {
        _pairs = new FieldPairs(fields);
        attention = nn.Linear(dim, attentionDim);
        projection = nn.Linear(attentionDim, 1, hasBias: false);
        RegisterComponents();
    }

    public FieldPairs Pairs => _pairs;

    public override Tensor forward(Tensor fields)
    {
        var (pooled, weights) = Attend(fields);
        weights.Dispose();
        return pooled;
    }

    public (Tensor Pooled, Tensor Attention) Attend(Tensor fields)
    {
        var (left, right) = _pairs.Gather(fields);
        using var l = left;
        using var r = right;
        using var products = l * r;
        using var hidden = attention.forward(products);
        using var activated = nn.functional.relu(hidden);
        using var logits = projection.forward(activated);
        using var flat = logits.squeeze(-1);
        var weights = flat.softmax(1);
        using var expanded = weights.unsqueeze(-1);
        using var weighted = products * expanded;
        return (weighted.sum(1), weights);
    }
}
