using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>A feed-forward tower: Linear → (BatchNorm) → ReLU → (Dropout) per hidden width, optionally followed by a
/// linear output to one logit.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Sequential layers;

    public Mlp(long input, IReadOnlyList<int> hidden, double dropout, bool batchNorm, bool logitOutput, string name = "mlp") : base(name)
    {
        var modules = new List<nn.Module<Tensor, Tensor>>();
        var width = input;
        foreach (var h in hidden)
        {
            modules.Add(nn.Linear(width, h));
            if (batchNorm) { modules.Add(nn.BatchNorm1d(h)); }
            modules.Add(nn.ReLU());
            if (dropout > 0) { modules.Add(nn.Dropout(dropout)); }
            width = h;
        }

        if (logitOutput) { modules.Add(nn.Linear(width, 1)); }
        OutputWidth = logitOutput ? 1 : width;
        layers = nn.Sequential(modules.ToArray());
        RegisterComponents();
    }

    public long OutputWidth { get; }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
