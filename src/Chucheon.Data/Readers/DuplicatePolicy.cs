namespace Chucheon.Data.Readers;

/// <summary>What to do with repeated (user, item) pairs in one interaction file.</summary>
/// <remarks>
/// "Earlier" means earlier in time when the source has timestamps, else earlier in the file. The rows that are kept
/// stay where they were, so the log's source order survives. Rows dropped here are counted in
/// <see cref="LoadReport.DuplicatesRemoved"/>; nothing is dropped without being counted.
/// </remarks>
public enum DuplicatePolicy
{
    /// <summary>Keep every row: repeated events are signal (play counts, re-purchases); matrices sum them.</summary>
    Keep,

    /// <summary>Keep the earliest row of each pair (first exposure).</summary>
    First,

    /// <summary>Keep the latest row of each pair (the user's current opinion).</summary>
    Last,

    /// <summary>Keep the row with the highest rating, the earliest among equal ratings; without ratings this is <see cref="First"/>.</summary>
    Max,
}
