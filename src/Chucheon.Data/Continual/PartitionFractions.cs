using Chucheon.Configuration;

namespace Chucheon.Data.Continual;

/// <summary>Shares of a task's users that go to train, valid and test; they must add up to 1.</summary>
/// <remarks>The default 80/5/15 is the split CONURE and TERACON use for every task.</remarks>
public sealed record PartitionFractions(double Train, double Valid, double Test)
{
    public static PartitionFractions Default { get; } = new(0.8, 0.05, 0.15);

    /// <summary>Throws <see cref="OptionsException"/> naming the bad share (keys as in <see cref="ContinualOptions"/>).</summary>
    public void Validate()
    {
        OptionChecks.InRange(Train, 0, 1, "train_fraction");
        OptionChecks.InRange(Valid, 0, 1, "valid_fraction");
        OptionChecks.InRange(Test, 0, 1, "test_fraction");
        if (Math.Abs(Train + Valid + Test - 1) > 1e-9)
        {
            throw new OptionsException("test_fraction", $"train, valid and test fractions must add up to 1 (got {Train} + {Valid} + {Test}).");
        }
    }
}
