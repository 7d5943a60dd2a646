namespace Chucheon.Data;

/// <summary>Columnar interaction records (dense user, dense item, optional rating, timestamp and event type), in source order.</summary>
/// <remarks>
/// Row order is the order records were read, and it is meaningful: ties in time keep it (leave-one-out relies on this).
/// All arrays have exactly <see cref="Count"/> entries; optional columns are null when the source has none.
/// </remarks>
public sealed class InteractionLog
{
    public InteractionLog(int[] users, int[] items, float[]? ratings = null, long[]? timestamps = null, int[]? eventTypes = null)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Length != users.Length
            || (ratings is not null && ratings.Length != users.Length)
            || (timestamps is not null && timestamps.Length != users.Length)
            || (eventTypes is not null && eventTypes.Length != users.Length))
        {
            throw new ArgumentException("All interaction columns must have the same length.");
        }

        Users = users;
        Items = items;
        Ratings = ratings;
        Timestamps = timestamps;
        EventTypes = eventTypes;
    }

    public int Count => Users.Length;

    public int[] Users { get; }

    public int[] Items { get; }

    public float[]? Ratings { get; }

    /// <summary>Seconds since the Unix epoch (or any monotone clock the source uses).</summary>
    public long[]? Timestamps { get; }

    /// <summary>Dense event-type ids (view, cart, purchase, ...) into <see cref="InteractionDataset.EventTypes"/>.</summary>
    public int[]? EventTypes { get; }

    public static InteractionLog Empty { get; } = new([], []);

    /// <summary>The rows at the given positions, in the order given.</summary>
    public InteractionLog Select(ReadOnlySpan<int> rows)
    {
        var users = new int[rows.Length];
        var items = new int[rows.Length];
        var ratings = Ratings is null ? null : new float[rows.Length];
        var times = Timestamps is null ? null : new long[rows.Length];
        var events = EventTypes is null ? null : new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            users[i] = Users[r];
            items[i] = Items[r];
            if (ratings is not null) { ratings[i] = Ratings![r]; }
            if (times is not null) { times[i] = Timestamps![r]; }
            if (events is not null) { events[i] = EventTypes![r]; }
        }

        return new InteractionLog(users, items, ratings, times, events);
    }

    /// <summary>The rows for which <paramref name="keep"/> is true, in source order.</summary>
    public InteractionLog Where(Func<int, bool> keep)
    {
        var rows = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (keep(i))
            {
                rows.Add(i);
            }
        }

        return Select(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
    }

    /// <summary>Concatenation of logs that share one id space; optional columns survive only if every part has them.</summary>
    public static InteractionLog Concat(params ReadOnlySpan<InteractionLog> parts)
    {
        var total = 0;
        bool hasRatings = true, hasTimes = true, hasEvents = true;
        foreach (var p in parts)
        {
            total += p.Count;
            hasRatings &= p.Ratings is not null;
            hasTimes &= p.Timestamps is not null;
            hasEvents &= p.EventTypes is not null;
        }

        var users = new int[total];
        var items = new int[total];
        var ratings = hasRatings ? new float[total] : null;
        var times = hasTimes ? new long[total] : null;
        var events = hasEvents ? new int[total] : null;
        var offset = 0;
        foreach (var p in parts)
        {
            p.Users.CopyTo(users, offset);
            p.Items.CopyTo(items, offset);
            p.Ratings?.CopyTo(ratings!, offset);
            p.Timestamps?.CopyTo(times!, offset);
            p.EventTypes?.CopyTo(events!, offset);
            offset += p.Count;
        }

        return new InteractionLog(users, items, ratings, times, events);
    }

    /// <summary>User→item matrix; repeated (user, item) pairs are summed, so values count events (or sum ratings when <paramref name="useRatings"/>).</summary>
    public CsrMatrix ToUserItemMatrix(int userCount, int itemCount, bool useRatings = false)
    {
        var values = useRatings && Ratings is not null ? Ratings : null;
        return CsrMatrix.FromCoordinates(userCount, itemCount, Users, Items, values ?? ReadOnlySpan<float>.Empty);
    }

    /// <summary>Row positions grouped by user, each group ordered by timestamp (ties and missing timestamps keep source order).</summary>
    public int[][] RowsByUserInTimeOrder(int userCount)
    {
        var counts = new int[userCount];
        foreach (var u in Users)
        {
            counts[u]++;
        }

        var groups = new int[userCount][];
        for (var u = 0; u < userCount; u++)
        {
            groups[u] = counts[u] == 0 ? [] : new int[counts[u]];
        }

        Array.Clear(counts);
        for (var i = 0; i < Count; i++)
        {
            var u = Users[i];
            groups[u][counts[u]++] = i;
        }

        if (Timestamps is { } t)
        {
            foreach (var g in groups)
            {
                if (g.Length > 1)
                {
                    // Rows are already in source order; a stable sort by time keeps that order for ties.
                    var keys = new long[g.Length];
                    for (var i = 0; i < g.Length; i++) { keys[i] = t[g[i]]; }
                    StableSortByKey(keys, g);
                }
            }
        }

        return groups;
    }

    private static void StableSortByKey(long[] keys, int[] rows)
    {
        var order = new int[rows.Length];
        for (var i = 0; i < order.Length; i++) { order[i] = i; }
        Array.Sort(order, (a, b) =>
        {
            var c = keys[a].CompareTo(keys[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var copy = (int[])rows.Clone();
        for (var i = 0; i < order.Length; i++) { rows[i] = copy[order[i]]; }
    }
}
