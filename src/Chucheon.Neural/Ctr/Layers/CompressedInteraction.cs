using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>xDeepFM's compressed interaction network (CIN): layer k forms all outer products of its H_{k−1} feature
/// maps with the F field embeddings along each embedding dimension and compresses them to H_k maps (a 1×1
/// convolution); every layer's maps are sum-pooled over the dimension and concatenated → [B, Σ H_k].</summary>
/// <remarks>Lian et al., "xDeepFM: Combining Explicit and Implicit Feature Interactions for Recommender Systems", KDD
/// 2018. The 1×1 convolution is written as a linear map over the flattened (H_{k−1}·F) axis.</remarks>
public sealed class CompressedInteraction : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> compressions = new();

    public CompressedInteraction(int fields, IReadOnlyList<int> layerSizes, string name = "cin") : base(name)
    {
        long previous = fields;
        foreach (var size in layerSizes)
        {
            compressions.Add(nn.Linear(previous * fields, size));
            previous = size;
        }

        OutputWidth = layerSizes.Sum();
        RegisterComponents();
    }

    public long OutputWidth { get; }

    public override Tensor forward(Tensor x0)
    {
        // Work in [B, D, maps] layout throughout: the per-dimension outer product is then already contiguous in the
        // (H·F) axis the compression reads, with no transposed copies per layer.
        using var fieldsLast = x0.transpose(1, 2).contiguous();
        using var right = fieldsLast.unsqueeze(2);
        var batch = x0.shape[0];
        var dim = x0.shape[2];
        var pooled = new List<Tensor>();
        var x = fieldsLast.alias();
        foreach (var compress in compressions)
        {
            using var previous = x;
            using var left = previous.unsqueeze(3);
            using var outer = left * right;
            using var flat = outer.reshape(batch, dim, -1);
            using var compressed = compress.forward(flat);
            x = nn.functional.relu(compressed);
            pooled.Add(x.sum(1));
        }

        x.Dispose();
        var result = cat(pooled, 1);
        foreach (var p in pooled) { p.Dispose(); }
        return result;
    }
}
