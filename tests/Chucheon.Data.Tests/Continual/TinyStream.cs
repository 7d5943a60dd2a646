using Chucheon.Data.Continual;

namespace Chucheon.Data.Tests.Continual;

/// <summary>A hand-made stream: 10 users, 6 items, and three tasks (next item, item set, class) for order invariants.</summary>
internal static class TinyStream
{
    public static TaskStream Create(long seed = 7)
    {
        var users = new IdMap(Enumerable.Range(1, 10).Select(u => $"u{u}"));
        var items = new IdMap(Enumerable.Range(1, 6).Select(i => $"i{i}"));
        var sequences = Enumerable.Range(0, 10).Select(u => new[] { u % 6, (u + 1) % 6, (u + 2) % 6 }).ToArray();
        var shared = new UserSequences(users, items, sequences);
        var all = Enumerable.Range(0, 10).ToArray();
        var even = all.Where(u => u % 2 == 0).ToArray();
        var next = new ContinualTask("next", ContinualTaskKind.NextItem, items,
            TaskLabels.FromSingle(all, [.. all.Select(u => (u + 3) % 6)], items.Count), UserPartition.Random(all, PartitionFractions.Default, seed, 1));
        var clicks = new IdMap(["a", "b", "c"]);
        var sets = new ContinualTask("clicks", ContinualTaskKind.ItemRecommendation, clicks,
            TaskLabels.FromSets(even, [.. even.Select(u => (IReadOnlyList<int>)(u % 4 == 0 ? [0, 2] : [1]))], clicks.Count),
            UserPartition.Random(even, PartitionFractions.Default, seed, 2));
        var classes = new IdMap(["x", "y"]);
        var profile = new ContinualTask("profile", ContinualTaskKind.Classification, classes,
            TaskLabels.FromSingle(all, [.. all.Select(u => u % 2)], classes.Count), UserPartition.Random(all, PartitionFractions.Default, seed, 3));
        return new TaskStream(shared, [next, sets, profile]);
    }
}
