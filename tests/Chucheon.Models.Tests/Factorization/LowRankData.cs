using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Models.Factorization;

namespace Chucheon.Models.Tests.Factorization;

/// <summary>A block-structured ("checkerboard") implicit dataset: users and items fall into groups, each user interacts
/// with most items of their own group and nothing else, and one in-group item per user is held out. A rank-≥groups
/// factor model must rank the held-out item above every out-of-group item.</summary>
internal sealed class LowRankData
{
    public LowRankData(int groups = 4, int usersPerGroup = 30, int itemsPerGroup = 12, double density = 0.7, int seed = 3)
    {
        var random = new SeededRandom((ulong)seed);
        var users = new List<int>();
        var items = new List<int>();
        UserCount = groups * usersPerGroup;
        ItemCount = groups * itemsPerGroup;
        HeldOut = new int[UserCount];
        for (var u = 0; u < UserCount; u++)
        {
            var g = u / usersPerGroup;
            var chosen = Enumerable.Range(g * itemsPerGroup, itemsPerGroup).Where(_ => random.NextDouble() < density).ToList();
            if (chosen.Count < 3) { chosen = [.. Enumerable.Range(g * itemsPerGroup, 3)]; }
            HeldOut[u] = chosen[random.NextInt(chosen.Count)];
            foreach (var i in chosen.Where(i => i != HeldOut[u]))
            {
                users.Add(u);
                items.Add(i);
            }
        }

        Groups = groups;
        ItemsPerGroup = itemsPerGroup;
        UsersPerGroup = usersPerGroup;
        Dataset = Build(UserCount, ItemCount, [.. users], [.. items]);
    }

    public int UserCount { get; }

    public int ItemCount { get; }

    public int Groups { get; }

    public int ItemsPerGroup { get; }

    public int UsersPerGroup { get; }

    public int[] HeldOut { get; }

    public InteractionDataset Dataset { get; }

    public int GroupOfItem(int item) => item / ItemsPerGroup;

    public int GroupOfUser(int user) => user / UsersPerGroup;

    public static InteractionDataset Build(int userCount, int itemCount, int[] users, int[] items, string name = "synthetic") =>
        new(name, new IdMap(Enumerable.Range(0, userCount).Select(i => $"u{i}")),
            new IdMap(Enumerable.Range(0, itemCount).Select(i => $"i{i}")), new InteractionLog(users, items));

    /// <summary>Fraction of users whose held-out item is in their top <paramref name="k"/> (training items excluded).</summary>
    public double HitRate(IItemScorer model, int k)
    {
        var users = Enumerable.Range(0, UserCount).ToArray();
        var top = Recommendations.Recommend(model, users, Dataset.UserItems, k);
        return users.Count(u => top[u].Any(s => s.Item == HeldOut[u])) / (double)UserCount;
    }

    /// <summary>Fraction of users whose held-out item outscores every item of the other groups: the low-rank structure
    /// says it should, whatever the number of other unseen in-group items.</summary>
    public double HeldOutAboveOtherGroups(IItemScorer model)
    {
        var users = Enumerable.Range(0, UserCount).ToArray();
        var scores = ScoresOf(model, users, Dataset.UserItems);
        var good = 0;
        foreach (var u in users)
        {
            var row = scores.AsSpan(u * ItemCount, ItemCount);
            var best = float.NegativeInfinity;
            for (var i = 0; i < ItemCount; i++)
            {
                if (GroupOfItem(i) != GroupOfUser(u)) { best = Math.Max(best, row[i]); }
            }

            good += row[HeldOut[u]] > best ? 1 : 0;
        }

        return good / (double)UserCount;
    }

    /// <summary>Scores of every item for the given users.</summary>
    public static float[] ScoresOf(IItemScorer model, int[] users, CsrMatrix history)
    {
        var scores = new float[users.Length * model.ItemCount];
        model.Score(users, history, scores);
        return scores;
    }
}
