using Chucheon.Configuration;

namespace Chucheon.Neural.Sequential;

/// <summary>Options of <c>sasrec</c>: causal self-attention (Kang &amp; McAuley 2018).</summary>
public class SasRecOptions : SequentialOptions
{
    /// <summary>Self-attention blocks.</summary>
    public int Blocks { get; set; } = 2;

    public int Heads { get; set; } = 1;

    /// <summary>Pre-norm blocks (default) or post-norm blocks as in the S3-Rec / CoSeRec reference code.</summary>
    public BlockNorm BlockNorm { get; set; } = BlockNorm.Pre;

    /// <summary>Inner width of the point-wise feed-forward layer, in multiples of hidden_dim (the reference uses 4).</summary>
    public int FeedForwardMultiplier { get; set; } = 1;

    public FeedForwardActivation Activation { get; set; } = FeedForwardActivation.Relu;

    /// <summary>&gt; 0: linear weights start normal(0, init_std), biases zero (the reference uses 0.02); 0: libtorch's
    /// default initialisation.</summary>
    public double InitStd { get; set; }

    public SelfAttentionStyle Style => new(BlockNorm, FeedForwardMultiplier, Activation, InitStd);

    protected override bool SupportsItemFeatures => true;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(Blocks, 1, "blocks");
        OptionChecks.AtLeast(Heads, 1, "heads");
        OptionChecks.AtLeast(FeedForwardMultiplier, 1, "feed_forward_multiplier");
        OptionChecks.NonNegative(InitStd, "init_std");
        if (HiddenDim % Heads != 0)
        {
            throw new OptionsException("heads", $"hidden_dim {HiddenDim} is not divisible by {Heads} heads.");
        }
    }
}

/// <summary>Options of <c>cl4srec</c>: SASRec plus InfoNCE over crop / mask / reorder views (Xie et al. 2022).</summary>
public sealed class Cl4SRecOptions : SasRecOptions
{
    public Cl4SRecOptions() => Augmentations = [Augmentation.Crop, Augmentation.Mask, Augmentation.Reorder];
}

/// <summary>Options of <c>coserec</c>: CL4SRec's augmentations plus correlation-based substitute and insert
/// (Liu et al. 2021).</summary>
public sealed class CoSeRecOptions : SasRecOptions
{
    public CoSeRecOptions() =>
        Augmentations = [Augmentation.Crop, Augmentation.Mask, Augmentation.Reorder, Augmentation.Substitute, Augmentation.Insert];
}

/// <summary>Options of <c>hierarchical-cl</c>: SASRec with cumulative augmentation levels (crop, crop+mask,
/// crop+mask+reorder), one InfoNCE term per level.</summary>
public sealed class HierarchicalClOptions : SasRecOptions
{
    public HierarchicalClOptions()
    {
        Augmentations = [Augmentation.Crop, Augmentation.Mask, Augmentation.Reorder];
        Hierarchical = true;
    }
}

/// <summary>Options of <c>gru4rec</c> (Hidasi et al. 2016; trained on every position like SASRec).</summary>
public sealed class Gru4RecOptions : SequentialOptions
{
    public Gru4RecOptions() => Dropout = 0.3;

    protected override bool SupportsItemFeatures => true;

    public int Layers { get; set; } = 1;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(Layers, 1, "layers");
    }
}

/// <summary>Options of <c>bert4rec</c>: bidirectional self-attention trained by masked item prediction
/// (Sun et al. 2019).</summary>
public sealed class Bert4RecOptions : SequentialOptions
{
    public Bert4RecOptions()
    {
        Dropout = 0.2;
        Loss = SequenceLoss.Ce;
    }

    public int Blocks { get; set; } = 2;

    public int Heads { get; set; } = 2;

    /// <summary>Fraction of positions replaced by the mask token in each training sequence (the cloze task).</summary>
    public double MaskProbability { get; set; } = 0.2;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(Blocks, 1, "blocks");
        OptionChecks.AtLeast(Heads, 1, "heads");
        OptionChecks.InRange(MaskProbability, 0.01, 1, "mask_probability");
        if (OriginalView) { throw new OptionsException("original_view", "needs the next-item objective; bert4rec's cloze pass has no un-augmented view."); }
        if (HiddenDim % Heads != 0)
        {
            throw new OptionsException("heads", $"hidden_dim {HiddenDim} is not divisible by {Heads} heads.");
        }
    }
}

/// <summary>Options of <c>nextitnet</c>: stacked dilated causal convolutions with residual connections
/// (Yuan et al. 2019).</summary>
public sealed class NextItNetOptions : SequentialOptions
{
    public NextItNetOptions() => Dropout = 0.0;

    /// <summary>Dilation of each residual block, in order (the paper repeats 1, 2, 4, 8).</summary>
    public int[] Dilations { get; set; } = [1, 2, 4, 1, 2, 4];

    public int KernelSize { get; set; } = 3;

    public override void Validate()
    {
        base.Validate();
        if (Dilations.Length == 0) { throw new OptionsException("dilations", "needs at least one residual block."); }
        foreach (var d in Dilations) { OptionChecks.AtLeast(d, 1, "dilations"); }
        OptionChecks.AtLeast(KernelSize, 2, "kernel_size");
    }
}
