using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>Which weight matrices FiBiNET's bilinear interaction uses.</summary>
public enum BilinearKind
{
    /// <summary>One D×D matrix shared by all fields.</summary>
    FieldAll,

    /// <summary>One D×D matrix per (left) field.</summary>
    FieldEach,
}

/// <summary>FiBiNET's bilinear interaction pᵢⱼ = (eᵢ W) ⊙ eⱼ over all field pairs: [B, F, D] → [B, P, D].</summary>
/// <remarks>Huang, Zhang, Zhang, RecSys 2019 (see <see cref="SqueezeExcitation"/>).</remarks>
public sealed class BilinearInteraction : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weights;
    private readonly FieldPairs _pairs;
    private readonly BilinearKind _kind;

    public BilinearInteraction(int fields, int dim, BilinearKind kind, string name = "bilinear") : base(name)
    {
        _kind = kind;
        _pairs = new FieldPairs(fields);
        var count = kind == BilinearKind.FieldAll ? 1 : fields;
        weights = nn.Parameter(randn(count, dim, dim) * (1.0 / Math.Sqrt(dim)));
        RegisterComponents();
    }

    public int PairCount => _pairs.Count;

    public override Tensor forward(Tensor fields)
    {
        using var transformed = _kind == BilinearKind.FieldAll
            ? fields.matmul(weights[0])
            : einsum("bfd,fde->bfe", fields, weights);
        var (left, _) = _pairs.Gather(transformed);
        var (_, right) = _pairs.Gather(fields);
        using var l = left;
        using var r = right;
        return l * r;
    }
}
