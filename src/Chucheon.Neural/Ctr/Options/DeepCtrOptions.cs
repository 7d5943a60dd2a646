using Chucheon.Configuration;

namespace Chucheon.Neural.Ctr.Options;

/// <summary>Options of models with an MLP tower (<c>widedeep</c>, <c>deepfm</c> and the families deriving from it).</summary>
public class DeepCtrOptions : CtrOptions
{
    /// <summary>Hidden widths of the MLP.</summary>
    public int[] MlpDims { get; set; } = [400, 400, 400];

    /// <summary>Dropout after each hidden layer.</summary>
    public double Dropout { get; set; }

    /// <summary>Batch normalisation after each hidden linear layer.</summary>
    public bool BatchNorm { get; set; }

    public override void Validate()
    {
        base.Validate();
        foreach (var width in MlpDims) { OptionChecks.AtLeast(width, 1, "mlp_dims"); }
        OptionChecks.InRange(Dropout, 0, 0.95, "dropout");
    }
}
