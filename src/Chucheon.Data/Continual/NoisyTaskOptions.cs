using Chucheon.Configuration;

namespace Chucheon.Data.Continual;

/// <summary>The <c>continual.noisy_task</c> map: where a <see cref="NoisyTask"/> goes and how it is drawn.</summary>
public sealed class NoisyTaskOptions : IValidatedOptions
{
    /// <summary>1-based position the noisy task takes in the (reordered) stream; required.</summary>
    public int Position { get; set; }

    /// <summary>Share of users that get a random class. Default 0.5 (TERACON).</summary>
    public double UserFraction { get; set; } = 0.5;

    /// <summary>Number of random classes. Default 50 (TERACON).</summary>
    public int Classes { get; set; } = 50;

    public void Validate()
    {
        OptionChecks.AtLeast(Position, 1, "position");
        if (!(UserFraction > 0 && UserFraction <= 1))
        {
            throw new OptionsException("user_fraction", $"must be in (0, 1] (got {UserFraction}).");
        }

        OptionChecks.AtLeast(Classes, 2, "classes");
    }
}
