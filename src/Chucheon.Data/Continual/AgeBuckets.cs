namespace Chucheon.Data.Continual;

/// <summary>The age classes of the ml-100k age task: the seven bands MovieLens 1M publishes for its users
/// (under 18, 18–24, 25–34, 35–44, 45–49, 50–55, 56+), so the two MovieLens streams share one definition.</summary>
/// <remarks>ml-100k ages run 7–73; all seven bands are non-empty there (docs/continual.md has the counts). The
/// vocabulary always lists every band in age order, so class ids do not depend on which users are present.</remarks>
public static class AgeBuckets
{
    private static readonly int[] LowerBounds = [0, 18, 25, 35, 45, 50, 56];

    public static IReadOnlyList<string> Names { get; } = ["under-18", "18-24", "25-34", "35-44", "45-49", "50-55", "56+"];

    /// <summary>Bucket id of an age in years; negative ages are an error, not a bucket.</summary>
    public static int Of(int age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(age);
        var bucket = LowerBounds.Length - 1;
        while (age < LowerBounds[bucket]) { bucket--; }
        return bucket;
    }
}
