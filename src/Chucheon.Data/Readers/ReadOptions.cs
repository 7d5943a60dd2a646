namespace Chucheon.Data.Readers;

/// <summary>Line-level policies every reader applies: what to do with bad lines, the valid rating range and repeated pairs.</summary>
public sealed record ReadOptions
{
    public static ReadOptions Default { get; } = new();

    public BadLinePolicy BadLines { get; init; } = BadLinePolicy.Fail;

    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.Keep;

    /// <summary>Lowest acceptable rating; a smaller one is a bad line (field 'rating').</summary>
    public float? MinRating { get; init; }

    /// <summary>Highest acceptable rating; a larger one is a bad line (field 'rating').</summary>
    public float? MaxRating { get; init; }

    /// <summary>Whether users and items that appear only in side-information files (catalog, user table) get ids.</summary>
    /// <remarks>On by default: features then cover the whole catalog, and an item nobody rated yet can still be
    /// recommended by content-aware models. Such ids are appended after the ids seen in interactions, so turning this
    /// off never renumbers the interacted ids.</remarks>
    public bool IncludeCatalogOnlyEntities { get; init; } = true;

    internal bool IsOutOfRange(float rating) =>
        (MinRating is { } min && rating < min) || (MaxRating is { } max && rating > max);

    internal string RangeText => $"[{MinRating?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-inf"}, {MaxRating?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "+inf"}]";
}
