namespace Chucheon.Data.Readers.Building;

/// <summary>Collects interaction rows column by column; which optional columns exist is fixed up front.</summary>
internal sealed class InteractionLogBuilder(bool hasRatings, bool hasTimestamps, bool hasEvents, int capacity = 1024)
{
    private GrowableArray<int> _users = new(capacity);
    private GrowableArray<int> _items = new(capacity);
    private GrowableArray<float> _ratings = new(hasRatings ? capacity : 0);
    private GrowableArray<long> _timestamps = new(hasTimestamps ? capacity : 0);
    private GrowableArray<int> _events = new(hasEvents ? capacity : 0);

    public int Count => _users.Count;

    public void Add(int user, int item, float rating = 0, long timestamp = 0, int eventType = 0)
    {
        _users.Add(user);
        _items.Add(item);
        if (hasRatings) { _ratings.Add(rating); }
        if (hasTimestamps) { _timestamps.Add(timestamp); }
        if (hasEvents) { _events.Add(eventType); }
    }

    public InteractionLog Build() => new(
        _users.ToArray(),
        _items.ToArray(),
        hasRatings ? _ratings.ToArray() : null,
        hasTimestamps ? _timestamps.ToArray() : null,
        hasEvents ? _events.ToArray() : null);
}
