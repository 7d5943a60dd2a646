using Chucheon.Data;

namespace Chucheon.Evaluation.Tests;

/// <summary>Hand-built splits from (user, item) pairs over dense ids.</summary>
internal static class TestSplits
{
    public static DataSplit Build(int users, int items, (int User, int Item)[] train, (int User, int Item)[] validation,
        (int User, int Item)[] test, (int User, int Item)[]? foldIn = null)
    {
        var dataset = new InteractionDataset("tiny",
            new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")),
            Log(train));
        return new DataSplit(dataset, Log(validation), Log(test), foldIn is null ? null : Log(foldIn), "hand-built");
    }

    /// <summary>A random split: each (user, item) pair independently lands in train, validation, test or nowhere.</summary>
    public static DataSplit Random(int users, int items, int seed, double density = 0.3)
    {
        var random = new Random(seed);
        List<(int, int)> train = [], validation = [], test = [];
        for (var u = 0; u < users; u++)
        {
            for (var i = 0; i < items; i++)
            {
                var roll = random.NextDouble();
                if (roll < density * 0.6) { train.Add((u, i)); }
                else if (roll < density * 0.75) { validation.Add((u, i)); }
                else if (roll < density) { test.Add((u, i)); }
            }
        }

        return Build(users, items, [.. train], [.. validation], [.. test]);
    }

    private static InteractionLog Log((int User, int Item)[] pairs) =>
        new(pairs.Select(p => p.User).ToArray(), pairs.Select(p => p.Item).ToArray());
}
