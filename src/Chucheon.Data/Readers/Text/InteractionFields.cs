namespace Chucheon.Data.Readers.Text;

/// <summary>Where the interaction fields sit in a split line (-1: absent) and what to call them in error messages.</summary>
internal sealed record InteractionFields(int User, int Item, int Rating = -1, int Timestamp = -1, int Event = -1)
{
    public string UserName { get; init; } = "user_id";

    public string ItemName { get; init; } = "item_id";

    public string RatingName { get; init; } = "rating";

    public string TimestampName { get; init; } = "timestamp";

    public string EventName { get; init; } = "event";

    public string Describe() =>
        $"user={UserName}({User}), item={ItemName}({Item})"
        + (Rating >= 0 ? $", rating={RatingName}({Rating})" : "")
        + (Timestamp >= 0 ? $", timestamp={TimestampName}({Timestamp})" : "")
        + (Event >= 0 ? $", event={EventName}({Event})" : "");
}
