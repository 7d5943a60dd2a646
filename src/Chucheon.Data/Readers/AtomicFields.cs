namespace Chucheon.Data.Readers;

/// <summary>Which RecBole atomic fields hold the user, item, rating, timestamp and event (names without the <c>:type</c>).</summary>
/// <remarks>Rating and timestamp left null use fields named <c>rating</c> / <c>timestamp</c> when the header has them;
/// a name given explicitly must exist.</remarks>
public sealed record AtomicFields
{
    public string User { get; init; } = "user_id";

    public string Item { get; init; } = "item_id";

    public string? Rating { get; init; }

    public string? Timestamp { get; init; }

    public string? Event { get; init; }
}
