using System.Globalization;

namespace Chucheon.Data.Ctr;

/// <summary>Turns numeric cells into vocabulary tokens (<see cref="NumericTransform.LogBucket"/>).</summary>
public static class NumericBuckets
{
    /// <summary><c>floor(ln(x)²)</c> for x &gt; 2, else the integer part: counts spread over many orders of magnitude
    /// collapse into a few dozen buckets while the small values, which are frequent and distinct, keep their own.</summary>
    public static string Token(double value) =>
        value > 2
            ? "L" + ((int)Math.Floor(Math.Pow(Math.Log(value), 2))).ToString(CultureInfo.InvariantCulture)
            : "V" + ((long)Math.Floor(value)).ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? cell, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
