using Chucheon.Configuration;

namespace Chucheon.Neural.Ctr.Options;

/// <summary>Options of <c>afm</c>.</summary>
public sealed class AfmOptions : CtrOptions
{
    /// <summary>Hidden width of the attention network.</summary>
    public int AttentionDim { get; set; } = 16;

    /// <summary>Dropout on the pooled interaction vector.</summary>
    public double Dropout { get; set; }

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(AttentionDim, 1, "attention_dim");
        OptionChecks.InRange(Dropout, 0, 0.95, "dropout");
    }
}
