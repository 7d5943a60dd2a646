namespace Chucheon.Data.Splits;

/// <summary>A split whose parts were read from separate files (<c>split.method: predefined</c>).</summary>
public static class PredefinedSplit
{
    /// <summary>Checks that the held-out logs fit the training dataset's id space and wraps the parts as a split.</summary>
    /// <remarks>The caller reads all three files against the same id maps (held-out users or items that never occur in
    /// training are legal: they are cold-start cases, and must already be in the maps). The test log must be non-empty;
    /// validation may be empty.</remarks>
    public static DataSplit Create(InteractionDataset trainDataset, InteractionLog validation, InteractionLog test)
    {
        ArgumentNullException.ThrowIfNull(trainDataset);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        CheckIds(trainDataset, trainDataset.Log, "train");
        CheckIds(trainDataset, validation, "validation");
        CheckIds(trainDataset, test, "test");
        if (test.Count == 0)
        {
            throw new DataFormatException("Predefined split: the test part has no interactions.");
        }

        return new DataSplit(trainDataset, validation, test, null, SplitMethod.Predefined.ConfigName());
    }

    private static void CheckIds(InteractionDataset dataset, InteractionLog log, string part)
    {
        CheckRange(log.Users, dataset.UserCount, part, "user");
        CheckRange(log.Items, dataset.ItemCount, part, "item");
        if (log.EventTypes is { } events)
        {
            CheckRange(events, dataset.EventTypes?.Count ?? 0, part, "event type");
        }
    }

    private static void CheckRange(int[] ids, int count, string part, string what)
    {
        for (var r = 0; r < ids.Length; r++)
        {
            if ((uint)ids[r] >= (uint)count)
            {
                throw new DataFormatException(
                    $"Predefined split: {part} row {r} has {what} id {ids[r]}, outside the {count} {what}s of the shared id map.");
            }
        }
    }
}
