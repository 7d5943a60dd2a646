namespace Chucheon.Configuration;

/// <summary>Range checks for <see cref="IValidatedOptions.Validate"/>; each throws <see cref="OptionsException"/> with the
/// snake_case key, so a config author sees exactly which line to fix.</summary>
public static class OptionChecks
{
    public static void Positive(double value, string key)
    {
        if (!(value > 0) || double.IsInfinity(value)) { throw new OptionsException(key, $"must be > 0 (got {value})."); }
    }

    public static void NonNegative(double value, string key)
    {
        if (!(value >= 0) || double.IsInfinity(value)) { throw new OptionsException(key, $"must be >= 0 (got {value})."); }
    }

    public static void InRange(double value, double min, double max, string key)
    {
        if (!(value >= min && value <= max)) { throw new OptionsException(key, $"must be in [{min}, {max}] (got {value})."); }
    }

    public static void AtLeast(long value, long min, string key)
    {
        if (value < min) { throw new OptionsException(key, $"must be >= {min} (got {value})."); }
    }
}
