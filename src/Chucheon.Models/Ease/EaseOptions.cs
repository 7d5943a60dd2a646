using Chucheon.Configuration;

namespace Chucheon.Models.Ease;

/// <summary>Hyperparameters of <see cref="EaseModel"/>.</summary>
public sealed class EaseOptions : IModelOptions
{
    /// <summary>L2 penalty λ added to the Gram diagonal (<c>reg</c>). Steck reports the optimum in the hundreds for
    /// MovieLens-sized data; larger values pull the weights toward item popularity.</summary>
    public double Reg { get; set; } = 500;

    public void Validate() => OptionChecks.Positive(Reg, "reg");
}
