namespace Chucheon.Data.Filters;

/// <summary>Renumbers users and items so that the id maps hold only entities that have interactions.</summary>
/// <remarks>Surviving ids keep their relative order, so the first-seen order of the source file is preserved and a
/// dataset that loses nothing keeps identical ids. Side features follow their entity; event types are a small fixed
/// vocabulary and are kept as they are.</remarks>
public static class IdCompaction
{
    public static InteractionDataset Compact(InteractionDataset dataset, InteractionLog log)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(log);
        var (userMap, userOldIds, newUserOf) = CompactSide(dataset.Users, log.Users);
        var (itemMap, itemOldIds, newItemOf) = CompactSide(dataset.Items, log.Items);

        var users = new int[log.Count];
        var items = new int[log.Count];
        for (var i = 0; i < log.Count; i++)
        {
            users[i] = newUserOf[log.Users[i]];
            items[i] = newItemOf[log.Items[i]];
        }

        // The optional columns are copied so that the result never aliases the input's arrays (logs are mutable).
        var compacted = new InteractionLog(users, items,
            (float[]?)log.Ratings?.Clone(), (long[]?)log.Timestamps?.Clone(), (int[]?)log.EventTypes?.Clone());
        return new InteractionDataset(dataset.Name, userMap, itemMap, compacted,
            dataset.UserFeatures?.SelectRows(userOldIds), dataset.ItemFeatures?.SelectRows(itemOldIds), dataset.EventTypes);
    }

    public static InteractionDataset Compact(InteractionDataset dataset) => Compact(dataset, dataset.Log);

    private static (IdMap Map, int[] OldIds, int[] NewOf) CompactSide(IdMap map, int[] ids)
    {
        var used = new bool[map.Count];
        foreach (var id in ids) { used[id] = true; }

        var newOf = new int[map.Count];
        var oldIds = new List<int>(map.Count);
        for (var old = 0; old < map.Count; old++)
        {
            newOf[old] = used[old] ? oldIds.Count : -1;
            if (used[old]) { oldIds.Add(old); }
        }

        var compact = new IdMap(oldIds.Select(map.GetRaw));
        return (compact, [.. oldIds], newOf);
    }
}
