using Chucheon.Data;

namespace Chucheon.TestKit;

/// <summary>The synthetic "checkerboard" of implicit's model tests: two disjoint user groups, each liking a disjoint
/// half of the items, with one liked item held out per user. Any collaborative model must rank the held-out item
/// first among the user's unseen items, because only it co-occurs with the user's group.</summary>
/// <remarks>One extra user has no interactions and one extra item is never interacted with, so every model also
/// meets a cold user and a cold item while fitting.</remarks>
public sealed class Checkerboard
{
    public Checkerboard(int usersPerGroup = 10, int itemsPerGroup = 10)
    {
        var userCount = (2 * usersPerGroup) + 1;
        var itemCount = (2 * itemsPerGroup) + 1;
        ColdUser = userCount - 1;
        ColdItem = itemCount - 1;
        HeldOut = new int[userCount];
        var users = new List<int>();
        var items = new List<int>();
        for (var u = 0; u < 2 * usersPerGroup; u++)
        {
            var group = u / usersPerGroup;
            HeldOut[u] = (group * itemsPerGroup) + (u % itemsPerGroup);
            for (var j = 0; j < itemsPerGroup; j++)
            {
                var item = (group * itemsPerGroup) + j;
                if (item == HeldOut[u]) { continue; }
                users.Add(u);
                items.Add(item);
            }
        }

        HeldOut[ColdUser] = -1;
        Train = new InteractionDataset("checkerboard",
            new IdMap(Enumerable.Range(0, userCount).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, itemCount).Select(i => $"i{i}")),
            new InteractionLog([.. users], [.. items]));
    }

    public InteractionDataset Train { get; }

    /// <summary>The held-out item of each user (-1 for the cold user).</summary>
    public int[] HeldOut { get; }

    /// <summary>A user with no training interactions.</summary>
    public int ColdUser { get; }

    /// <summary>An item no one interacted with.</summary>
    public int ColdItem { get; }

    /// <summary>Users that have a held-out item.</summary>
    public int[] WarmUsers => Enumerable.Range(0, Train.UserCount).Where(u => HeldOut[u] >= 0).ToArray();
}
