using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>NextItNet's encoder: item embeddings through a stack of <see cref="DilatedResidualBlock"/>s.</summary>
/// <remarks>Padding positions are kept at zero inside and between blocks, which is exactly what the convolutions'
/// own left zero-padding supplies, so outputs do not depend on how far a batch is padded.</remarks>
public sealed class DilatedConvolutionEncoder : SequenceEncoder
{
    private readonly Embedding items;
    private readonly ModuleList<DilatedResidualBlock> blocks = new();
    private readonly double _dropout;

    public DilatedConvolutionEncoder(int itemCount, int dim, IReadOnlyList<int> dilations, int kernelSize, double dropout)
        : base(nameof(DilatedConvolutionEncoder), itemCount, dim)
    {
        _dropout = dropout;
        items = NewItemTable(TokenCount, dim);
        foreach (var dilation in dilations) { blocks.Add(new DilatedResidualBlock(dim, kernelSize, dilation, dropout)); }
        RegisterComponents();
    }

    public override Embedding ItemEmbedding => items;

    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var present = tokens.ne(0L).unsqueeze(-1);
        var x = F.dropout(items.forward(tokens), _dropout, training);
        foreach (var block in blocks) { x = block.forward(x, present); }
        return x.MoveToOuterDisposeScope();
    }
}
