using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>DCN's cross network: x_{l+1} = x₀ · (x_lᵀ w_l) + b_l + x_l, each layer adding one degree of explicit
/// feature crossing with only 2·d parameters.</summary>
/// <remarks>Wang, Fu, Fu, Wang, "Deep &amp; Cross Network for Ad Click Predictions", ADKDD 2017.</remarks>
public sealed class CrossNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ParameterList weights = new();
    private readonly ParameterList biases = new();

    public CrossNetwork(long width, int layers, string name = "cross") : base(name)
    {
        for (var l = 0; l < layers; l++)
        {
            weights.Add(nn.Parameter(randn(width, 1) * 0.01));
            biases.Add(nn.Parameter(zeros(width)));
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor x0)
    {
        var x = x0.alias();
        for (var l = 0; l < weights.Count; l++)
        {
            using var previous = x;
            using var projection = previous.matmul(weights[l]);
            using var crossed = x0 * projection;
            using var shifted = crossed + biases[l];
            x = shifted + previous;
        }

        return x;
    }
}
