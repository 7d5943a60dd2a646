using Chucheon.Neural.Sequential;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Continual;

/// <summary>The backbone every continual method shares: item embeddings (0 = padding) through NextItNet's
/// <see cref="DilatedResidualBlock"/>s. A method changes what happens between blocks (TERACON and HAT mask each
/// block's output per task, PeterRec adds a patch) through the <c>afterBlock</c> hook of <see cref="Encode"/>.</summary>
public sealed class ContinualBackbone : nn.Module
{
    private readonly Embedding items;
    private readonly ModuleList<DilatedResidualBlock> blocks = new();
    private readonly double _dropout;

    public ContinualBackbone(int itemCount, ContinualModelOptions options) : base(nameof(ContinualBackbone))
    {
        ArgumentNullException.ThrowIfNull(options);
        Dim = options.Dim;
        _dropout = options.Dropout;
        items = nn.Embedding(itemCount + 1, options.Dim, padding_idx: 0);
        using (no_grad())
        {
            nn.init.normal_(items.weight!, 0, 0.02);
            items.weight![0].zero_();
        }

        foreach (var dilation in options.Dilations)
        {
            blocks.Add(new DilatedResidualBlock(options.Dim, options.KernelSize, dilation, options.Dropout));
        }

        RegisterComponents();
    }

    public int Dim { get; }

    public int BlockCount => blocks.Count;

    public Embedding Items => items;

    public DilatedResidualBlock Block(int index) => blocks[index];

    /// <summary>[B, T] tokens → [B, T, D]. <paramref name="afterBlock"/>(k, x) transforms block k's output; padding
    /// positions are zeroed again after it so a hook never leaks into them. <paramref name="kernelOf"/>(k, layer,
    /// kernel) replaces the kernel of convolution <c>layer</c> in block k (weight masks); <paramref name="afterActivation"/>(k,
    /// layer, h) transforms the ReLU output of that convolution inside block k's residual branch (layer-output masks).</summary>
    public Tensor Encode(Tensor tokens, Func<int, Tensor, Tensor>? afterBlock = null, Func<int, int, Tensor, Tensor>? kernelOf = null,
        Func<int, int, Tensor, Tensor>? afterActivation = null)
    {
        using var scope = NewDisposeScope();
        var present = tokens.ne(0L).unsqueeze(-1).to(ScalarType.Float32);
        var x = F.dropout(items.forward(tokens), _dropout, training);
        for (var k = 0; k < blocks.Count; k++)
        {
            var block = k;
            x = blocks[k].forward(x, present, kernelOf is null ? null : (layer, kernel) => kernelOf(block, layer, kernel),
                afterActivation is null ? null : (layer, h) => afterActivation(block, layer, h));
            if (afterBlock is not null) { x = afterBlock(k, x) * present; }
        }

        return x.MoveToOuterDisposeScope();
    }
}
