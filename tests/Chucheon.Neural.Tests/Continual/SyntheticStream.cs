using Chucheon.Data;
using Chucheon.Data.Continual;
using Chucheon.Neural.Continual;

namespace Chucheon.Neural.Tests.Continual;

/// <summary>A small learnable stream: users in two groups walk through consecutive items of their group's half of the
/// catalogue, so the next item, an item-set task and the group class all follow from the input sequence.</summary>
internal static class SyntheticStream
{
    public const int Items = 20;

    public static TaskStream Create(int userCount = 120, long seed = 3)
    {
        var random = new Random((int)seed);
        var users = new IdMap(Enumerable.Range(0, userCount).Select(u => $"u{u}"));
        var items = new IdMap(Enumerable.Range(0, Items).Select(i => $"i{i}"));
        var sequences = new int[userCount][];
        var next = new int[userCount];
        var sets = new IReadOnlyList<int>[userCount];
        var groups = new int[userCount];
        for (var u = 0; u < userCount; u++)
        {
            groups[u] = u % 2;
            var start = random.Next(10);
            var length = 3 + random.Next(8);
            sequences[u] = [.. Enumerable.Range(0, length).Select(t => (groups[u] * 10) + ((start + t) % 10))];
            next[u] = (groups[u] * 10) + ((start + length) % 10);
            sets[u] = [start % 8, (start + 1) % 8];
        }

        var all = Enumerable.Range(0, userCount).ToArray();
        var shared = new UserSequences(users, items, sequences);
        var nextItem = new ContinualTask("next_item", ContinualTaskKind.NextItem, items,
            TaskLabels.FromSingle(all, next, Items), UserPartition.Random(all, PartitionFractions.Default, seed, 1));
        var setVocabulary = new IdMap(Enumerable.Range(0, 8).Select(i => $"s{i}"));
        var itemSets = new ContinualTask("item_set", ContinualTaskKind.ItemRecommendation, setVocabulary,
            TaskLabels.FromSets(all, sets, 8), UserPartition.Random(all, PartitionFractions.Default, seed, 2));
        var classes = new IdMap(["a", "b"]);
        var group = new ContinualTask("group", ContinualTaskKind.Classification, classes,
            TaskLabels.FromSingle(all, groups, 2), UserPartition.Random(all, PartitionFractions.Default, seed, 3));
        return new TaskStream(shared, [nextItem, itemSets, group]);
    }

    /// <summary>Tiny and fast: two blocks of width 16.</summary>
    public static ContinualModelOptions Options(int epochs = 3) => new()
    {
        Dim = 16,
        Dilations = [1, 2],
        MaxLength = 8,
        BatchSize = 16,
        Epochs = epochs,
        LearningRate = 5e-3,
        Threads = 1,
        PatchDim = 4,
        Seed = 11,
    };
}
