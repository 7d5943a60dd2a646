namespace Chucheon.Neural.Continual;

/// <summary>Where TERACON's task masks multiply the backbone (config key <c>continual_model.teracon_masks</c>).</summary>
public enum TeraconMaskPlacement
{
    /// <summary>Each convolution's ReLU output inside the residual branch (two masks per block), as in the paper's code.</summary>
    Branch,

    /// <summary>Each residual block's output, skip path included.</summary>
    Block,
}
