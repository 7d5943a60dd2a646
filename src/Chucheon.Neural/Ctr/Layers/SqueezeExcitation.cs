using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>FiBiNET's SENET layer: squeeze each field embedding to its mean, excite through a two-layer bottleneck
/// (F → F/r → F, ReLU) and reweight the fields: [B, F, D] → [B, F, D].</summary>
/// <remarks>Huang, Zhang, Zhang, "FiBiNET: Combining Feature Importance and Bilinear feature Interaction for
/// Click-Through Rate Prediction", RecSys 2019.</remarks>
public sealed class SqueezeExcitation : nn.Module<Tensor, Tensor>
{
    private readonly Linear squeeze;
    private readonly Linear excite;

    public SqueezeExcitation(int fields, int reductionRatio, string name = "senet") : base(name)
    {
        var reduced = Math.Max(1, fields / reductionRatio);
        squeeze = nn.Linear(fields, reduced, hasBias: false);
        excite = nn.Linear(reduced, fields, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor fields)
    {
        using var z = fields.mean([2]);
        using var a1 = squeeze.forward(z);
        using var r1 = nn.functional.relu(a1);
        using var a2 = excite.forward(r1);
        using var weights = nn.functional.relu(a2);
        using var expanded = weights.unsqueeze(-1);
        return fields * expanded;
    }
}
