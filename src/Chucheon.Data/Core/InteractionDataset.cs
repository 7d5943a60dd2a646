namespace Chucheon.Data;

/// <summary>An interaction log together with its id maps and optional side features: the unit every reader returns
/// and every model fits on.</summary>
public sealed class InteractionDataset
{
    private CsrMatrix? _userItems;
    private CsrMatrix? _itemUsers;

    public InteractionDataset(string name, IdMap users, IdMap items, InteractionLog log,
        FeatureTable? userFeatures = null, FeatureTable? itemFeatures = null, IdMap? eventTypes = null)
    {
        Name = name;
        Users = users;
        Items = items;
        Log = log;
        UserFeatures = userFeatures;
        ItemFeatures = itemFeatures;
        EventTypes = eventTypes;
    }

    public string Name { get; }

    public IdMap Users { get; }

    public IdMap Items { get; }

    public InteractionLog Log { get; }

    public FeatureTable? UserFeatures { get; }

    public FeatureTable? ItemFeatures { get; }

    /// <summary>Names of event types when the log has an event-type column.</summary>
    public IdMap? EventTypes { get; }

    public int UserCount => Users.Count;

    public int ItemCount => Items.Count;

    /// <summary>User→item counts (repeated events summed); built once and cached.</summary>
    public CsrMatrix UserItems => _userItems ??= Log.ToUserItemMatrix(UserCount, ItemCount);

    /// <summary>Item→user counts; the transpose of <see cref="UserItems"/>.</summary>
    public CsrMatrix ItemUsers => _itemUsers ??= UserItems.Transpose();

    /// <summary>Same ids and features, another log (a split part or a filtered log).</summary>
    public InteractionDataset WithLog(InteractionLog log, string? name = null) =>
        new(name ?? Name, Users, Items, log, UserFeatures, ItemFeatures, EventTypes);

    /// <summary>Each user's items ordered by time (source order for ties or when there are no timestamps).</summary>
    public int[][] UserSequences()
    {
        var rows = Log.RowsByUserInTimeOrder(UserCount);
        var sequences = new int[UserCount][];
        for (var u = 0; u < UserCount; u++)
        {
            var r = rows[u];
            var s = new int[r.Length];
            for (var i = 0; i < r.Length; i++) { s[i] = Log.Items[r[i]]; }
            sequences[u] = s;
        }

        return sequences;
    }

    public override string ToString() => $"{Name}: {UserCount} users, {ItemCount} items, {Log.Count} interactions";
}
