using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>NextItNet's residual block over [B, T, D]: two causal dilated 1-D convolutions (dilation d, then 2d),
/// each followed by layer norm and ReLU, added back to the input. Causal: the output at position t depends only on
/// positions ≤ t, because the input is padded on the left by (kernel - 1) × dilation before each convolution.</summary>
/// <remarks>Yuan, Karatzoglou, Arapakis, Jose, He, "A Simple Convolutional Generative Network for Next Item
/// Recommendation", WSDM 2019. Public and self-contained so other models (e.g. a continual-learning backbone) can
/// stack it.</remarks>
public sealed class DilatedResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv1d first;
    private readonly LayerNorm firstNorm;
    private readonly Conv1d second;
    private readonly LayerNorm secondNorm;
    private readonly long _firstPadding;
    private readonly long _secondPadding;
    private readonly double _dropout;

    public DilatedResidualBlock(int dim, int kernelSize, int dilation, double dropout = 0) : base(nameof(DilatedResidualBlock))
    {
        Dilation = dilation;
        _dropout = dropout;
        _firstPadding = (kernelSize - 1L) * dilation;
        _secondPadding = (kernelSize - 1L) * dilation * 2;
        first = nn.Conv1d(dim, dim, kernelSize, dilation: dilation);
        firstNorm = nn.LayerNorm(dim, eps: 1e-8);
        second = nn.Conv1d(dim, dim, kernelSize, dilation: 2L * dilation);
        secondNorm = nn.LayerNorm(dim, eps: 1e-8);
        RegisterComponents();
    }

    public int Dilation { get; }

    public override Tensor forward(Tensor x) => forward(x, null);

    /// <param name="x">[B, T, D].</param>
    /// <param name="present">Optional [B, T, 1] mask of real (non-padding) positions: padding is held at zero after
    /// each convolution, as if the sequence started there.</param>
    /// <param name="kernelOf">Optional (layer 0 or 1, kernel [D, D, k]) → the kernel to convolve with instead, so a
    /// method can mask or patch the weights themselves (Piggyback's binary weight masks) without copying the block.</param>
    /// <param name="afterActivation">Optional (layer 0 or 1, [B, T, D] activation) → activation, applied to each
    /// convolution's ReLU output inside the residual branch (TERACON's layer-output masks); the skip path is untouched.</param>
    public Tensor forward(Tensor x, Tensor? present, Func<int, Tensor, Tensor>? kernelOf = null, Func<int, Tensor, Tensor>? afterActivation = null)
    {
        using var scope = NewDisposeScope();
        var h = CausalConvolution(first, x, _firstPadding, kernelOf is null ? null : kernelOf(0, first.weight!));
        h = F.relu(firstNorm.forward(h));
        if (afterActivation is not null) { h = afterActivation(0, h); }
        if (present is not null) { h *= present; }
        h = CausalConvolution(second, h, _secondPadding, kernelOf is null ? null : kernelOf(1, second.weight!));
        h = F.relu(secondNorm.forward(h));
        if (afterActivation is not null) { h = afterActivation(1, h); }
        h = F.dropout(h, _dropout, training);
        var result = x + h;
        if (present is not null) { result *= present; }
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The [D, D, k] kernel of convolution <paramref name="layer"/> (0 = dilation d, 1 = dilation 2d).</summary>
    public Parameter Kernel(int layer) => layer switch
    {
        0 => first.weight!,
        1 => second.weight!,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "A residual block has convolutions 0 and 1."),
    };

    /// <summary>[B, T, D] → [B, T, D] through a convolution on [B, D, T] padded on the left only, with the layer's own
    /// kernel or <paramref name="kernel"/> in its place.</summary>
    private static Tensor CausalConvolution(Conv1d convolution, Tensor x, long leftPadding, Tensor? kernel)
    {
        var channelsFirst = F.pad(x.transpose(1, 2), [leftPadding, 0]);
        var output = kernel is null
            ? convolution.forward(channelsFirst)
            : F.conv1d(channelsFirst, kernel, convolution.bias, dilation: convolution.dilation[0]);
        return output.transpose(1, 2);
    }
}
