using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>Self-attention layers over the fields applied one after another, [B, F, D] → [B, F, width of the last
/// layer]; each layer's input width is the previous one's output. <see cref="Maps"/> returns every layer's attention
/// weights for the attention dump.</summary>
public sealed class AttentionStack : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<FieldSelfAttention> layers = new();
    private readonly string _layerName;

    /// <param name="create">Builds one layer from its input width and name.</param>
    /// <param name="layerName">Prefix of the layer names (<c>{prefix}_{index}</c>) in weights and dumps.</param>
    public AttentionStack(long input, int count, Func<long, string, FieldSelfAttention> create, string layerName, string name = "attention_stack") : base(name)
    {
        _layerName = layerName;
        OutputWidth = input;
        for (var l = 0; l < count; l++)
        {
            var layer = create(OutputWidth, $"{layerName}_{l}");
            layers.Add(layer);
            OutputWidth = layer.OutputWidth;
        }

        RegisterComponents();
    }

    public long OutputWidth { get; }

    public override Tensor forward(Tensor fields)
    {
        var x = fields.alias();
        foreach (var layer in layers)
        {
            using var previous = x;
            x = layer.forward(previous);
        }

        return x;
    }

    /// <summary>Per layer, its name and attention weights [B, H, F, F]; the caller disposes the weights.</summary>
    public IReadOnlyList<(string Layer, Tensor Weights)> Maps(Tensor fields)
    {
        var maps = new List<(string, Tensor)>();
        var x = fields.alias();
        for (var l = 0; l < layers.Count; l++)
        {
            using var previous = x;
            var (next, weights) = layers[l].Attend(previous);
            maps.Add(($"{_layerName}_{l}", weights));
            x = next;
        }

        x.Dispose();
        return maps;
    }
}
