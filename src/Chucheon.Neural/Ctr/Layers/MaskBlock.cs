using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>MaskNet's MaskBlock: an instance-guided mask computed from the flattened embeddings
/// (W₂ ReLU(W₁ v_emb)) multiplies the layer-normalised input element-wise, then a hidden layer with layer
/// normalisation and ReLU: (v_emb [B, F·D], input [B, n]) → [B, block_dim].</summary>
/// <remarks>Wang, She, Zhang, "MaskNet: Introducing Feature-Wise Multiplication to CTR Ranking Models by
/// Instance-Guided Mask", DLP-KDD 2021.</remarks>
public sealed class MaskBlock : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear maskHidden;
    private readonly Linear maskOutput;
    private readonly LayerNorm inputNorm;
    private readonly Linear hidden;
    private readonly LayerNorm outputNorm;

    public MaskBlock(long embeddingWidth, long inputWidth, int reductionRatio, int blockDim, string name = "mask_block") : base(name)
    {
        maskHidden = nn.Linear(embeddingWidth, Math.Max(1, embeddingWidth * reductionRatio));
        maskOutput = nn.Linear(Math.Max(1, embeddingWidth * reductionRatio), inputWidth);
        inputNorm = nn.LayerNorm(inputWidth);
        hidden = nn.Linear(inputWidth, blockDim, hasBias: false);
        outputNorm = nn.LayerNorm(blockDim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor embeddings, Tensor input)
    {
        using var h = maskHidden.forward(embeddings);
        using var r = nn.functional.relu(h);
        using var mask = maskOutput.forward(r);
        using var normalised = inputNorm.forward(input);
        using var masked = normalised * mask;
        using var projected = hidden.forward(masked);
        using var layerNormed = outputNorm.forward(projected);
        return nn.functional.relu(layerNormed);
    }
}
