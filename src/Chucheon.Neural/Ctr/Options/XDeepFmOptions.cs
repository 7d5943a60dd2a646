using Chucheon.Configuration;

namespace Chucheon.Neural.Ctr.Options;

/// <summary>Options of <c>xdeepfm</c>: the MLP keys plus the CIN layer sizes.</summary>
public sealed class XDeepFmOptions : DeepCtrOptions
{
    /// <summary>Feature maps per CIN layer.</summary>
    public int[] CinDims { get; set; } = [32, 32];

    public override void Validate()
    {
        base.Validate();
        if (CinDims.Length == 0) { throw new OptionsException("cin_dims", "needs at least one layer."); }
        foreach (var width in CinDims) { OptionChecks.AtLeast(width, 1, "cin_dims"); }
    }
}
