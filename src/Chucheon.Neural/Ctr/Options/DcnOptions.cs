using Chucheon.Configuration;

namespace Chucheon.Neural.Ctr.Options;

/// <summary>Options of <c>dcn</c> and <c>dcnv2</c>: the MLP keys plus the cross depth.</summary>
public sealed class DcnOptions : DeepCtrOptions
{
    public int CrossLayers { get; set; } = 3;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(CrossLayers, 1, "cross_layers");
    }
}
