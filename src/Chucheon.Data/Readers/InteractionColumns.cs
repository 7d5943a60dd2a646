namespace Chucheon.Data.Readers;

/// <summary>Which columns of a CSV or Parquet file hold the user, item, rating, timestamp and event type: each by header
/// (or Parquet field) name, or by 0-based index.</summary>
/// <remarks>Unset user and item columns fall back to common names (<c>user_id</c>, <c>userId</c>, <c>user</c>;
/// <c>item_id</c>, <c>itemId</c>, <c>movieId</c>, <c>item</c>, compared ignoring case and '_') or, in a CSV without
/// header, to columns 0 and 1. Unset rating and timestamp columns are used when a column is named <c>rating</c> /
/// <c>timestamp</c> (or <c>time</c>, <c>ts</c>), and are otherwise absent. The event column is only ever explicit.</remarks>
public sealed record InteractionColumns
{
    public string? User { get; init; }

    public string? Item { get; init; }

    public string? Rating { get; init; }

    public string? Timestamp { get; init; }

    /// <summary>Event type (view, cart, purchase); its values become <see cref="InteractionDataset.EventTypes"/>.</summary>
    public string? Event { get; init; }

    internal static readonly string[] UsualUserNames = ["user_id", "userId", "user"];
    internal static readonly string[] UsualItemNames = ["item_id", "itemId", "movieId", "item"];
    internal static readonly string[] UsualRatingNames = ["rating"];
    internal static readonly string[] UsualTimestampNames = ["timestamp", "time", "ts"];
}
