using Chucheon.Configuration;
using Chucheon.Neural.Ctr.Layers;

namespace Chucheon.Neural.Ctr.Options;

/// <summary>Options of <c>fibinet</c>.</summary>
public sealed class FiBiNetOptions : DeepCtrOptions
{
    /// <summary>SENET bottleneck: fields / reduction_ratio hidden units.</summary>
    public int ReductionRatio { get; set; } = 3;

    public BilinearKind Bilinear { get; set; } = BilinearKind.FieldAll;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(ReductionRatio, 1, "reduction_ratio");
    }
}
