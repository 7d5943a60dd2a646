using Chucheon.Configuration;

namespace Chucheon.Neural.Ctr.Options;

/// <summary>Options of <c>masknet</c>. Serial (default): each MaskBlock feeds the next; parallel: every block reads
/// the embeddings and their outputs are concatenated into the MLP (<c>mlp_dims</c>).</summary>
public sealed class MaskNetOptions : DeepCtrOptions
{
    public MaskNetOptions() => MlpDims = [];

    public int Blocks { get; set; } = 3;

    public int BlockDim { get; set; } = 64;

    /// <summary>The mask network's hidden width is this multiple of the flattened embedding width.</summary>
    public int MaskReduction { get; set; } = 1;

    public bool Parallel { get; set; }

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(Blocks, 1, "blocks");
        OptionChecks.AtLeast(BlockDim, 1, "block_dim");
        OptionChecks.AtLeast(MaskReduction, 1, "mask_reduction");
    }
}
