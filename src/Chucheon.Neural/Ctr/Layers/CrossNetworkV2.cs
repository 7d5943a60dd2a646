using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>DCN-V2's cross network: x_{l+1} = x₀ ⊙ (W_l x_l + b_l) + x_l with a full matrix per layer, which
/// expresses feature crosses far better than DCN's rank-one weights.</summary>
/// <remarks>Wang et al., "DCN V2: Improved Deep &amp; Cross Network and Practical Lessons for Web-scale Learning to
/// Rank Systems", WWW 2021.</remarks>
public sealed class CrossNetworkV2 : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers = new();

    public CrossNetworkV2(long width, int count, string name = "cross_v2") : base(name)
    {
        for (var l = 0; l < count; l++) { layers.Add(nn.Linear(width, width)); }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x0)
    {
        var x = x0.alias();
        foreach (var layer in layers)
        {
            using var previous = x;
            using var projected = layer.forward(previous);
            using var crossed = x0 * projected;
            x = crossed + previous;
        }

        return x;
    }
}
