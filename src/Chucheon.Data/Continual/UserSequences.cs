namespace Chucheon.Data.Continual;

/// <summary>The input every task shares: each user's behaviour sequence from task 1, as dense item ids in time order.</summary>
/// <remarks>
/// Users and items are dense ids of <see cref="Users"/> and <see cref="Items"/>; id 0 is a real item (a model that
/// needs a padding id shifts by one). The sequences never contain task 1's target, so a later task cannot see a held-out
/// next-item label through its input.
/// </remarks>
public sealed class UserSequences
{
    private readonly int[][] _sequences;

    public UserSequences(IdMap users, IdMap items, int[][] sequences)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Length != users.Count)
        {
            throw new ArgumentException($"{sequences.Length} sequences for {users.Count} users.", nameof(sequences));
        }

        long total = 0;
        for (var u = 0; u < sequences.Length; u++)
        {
            var sequence = sequences[u] ?? throw new ArgumentException($"User '{users.GetRaw(u)}' has a null sequence.", nameof(sequences));
            foreach (var item in sequence)
            {
                if ((uint)item >= (uint)items.Count)
                {
                    throw new ArgumentException($"User '{users.GetRaw(u)}' has item id {item}; the vocabulary has {items.Count}.", nameof(sequences));
                }
            }

            total += sequence.Length;
        }

        Users = users;
        Items = items;
        _sequences = sequences;
        TotalLength = total;
    }

    public IdMap Users { get; }

    public IdMap Items { get; }

    public int UserCount => Users.Count;

    public int ItemCount => Items.Count;

    /// <summary>Sum of all sequence lengths.</summary>
    public long TotalLength { get; }

    /// <summary>User <paramref name="user"/>'s items, oldest first.</summary>
    public ReadOnlySpan<int> Of(int user) => _sequences[user];

    public int LengthOf(int user) => _sequences[user].Length;
}
