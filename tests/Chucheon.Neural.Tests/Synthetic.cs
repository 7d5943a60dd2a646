using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Models;

namespace Chucheon.Neural.Tests;

/// <summary>A tiny dataset with two item communities: users of group g interact with most items of block g.
/// One item per user is held out; a model that learned the structure ranks it far above chance.</summary>
internal sealed class Synthetic
{
    public Synthetic(int users = 80, int itemsPerBlock = 12, int seed = 7)
    {
        var rng = new Random(seed);
        var items = 2 * itemsPerBlock;
        var trainUsers = new List<int>();
        var trainItems = new List<int>();
        HeldOut = new int[users];
        for (var u = 0; u < users; u++)
        {
            var block = u % 2;
            var chosen = Enumerable.Range(block * itemsPerBlock, itemsPerBlock).OrderBy(_ => rng.Next()).Take(itemsPerBlock * 2 / 3).ToArray();
            HeldOut[u] = chosen[0];
            foreach (var i in chosen.Skip(1))
            {
                trainUsers.Add(u);
                trainItems.Add(i);
            }

            // A little cross-block noise so the data is not trivially separable.
            if (rng.NextDouble() < 0.3)
            {
                trainUsers.Add(u);
                trainItems.Add(((1 - block) * itemsPerBlock) + rng.Next(itemsPerBlock));
            }
        }

        Train = new InteractionDataset("synthetic",
            new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")),
            new InteractionLog([.. trainUsers], [.. trainItems]));
    }

    public InteractionDataset Train { get; }

    public int[] HeldOut { get; }

    /// <summary>Mean AUC of each user's held-out item against the items they have not interacted with
    /// (0.5 = random, 1 = perfect).</summary>
    public double HeldOutAuc(IItemScorer scorer)
    {
        var users = Enumerable.Range(0, Train.UserCount).ToArray();
        var items = scorer.ItemCount;
        var scores = new float[users.Length * items];
        scorer.Score(users, Train.UserItems, scores);
        double total = 0;
        foreach (var u in users)
        {
            var row = scores.AsSpan(u * items, items);
            var target = row[HeldOut[u]];
            int wins = 0, count = 0;
            for (var i = 0; i < items; i++)
            {
                if (i == HeldOut[u] || Train.UserItems.Contains(u, i)) { continue; }
                count++;
                if (row[i] < target) { wins++; }
            }

            total += (double)wins / count;
        }

        return total / users.Length;
    }

    public static FitContext Context(int seed = 42, Func<IItemScorer, double>? validate = null, TrainingLog? log = null) =>
        new() { Seed = seed, Threads = 2, Validate = validate, TrainingLog = log };
}
