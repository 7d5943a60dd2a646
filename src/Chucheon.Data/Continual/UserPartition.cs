namespace Chucheon.Data.Continual;

/// <summary>A task's users split into disjoint train, valid and test groups (dense user ids, ascending in each group).</summary>
public sealed class UserPartition
{
    public UserPartition(int[] train, int[] valid, int[] test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(test);
        var seen = new HashSet<int>();
        foreach (var user in train.Concat(valid).Concat(test))
        {
            if (!seen.Add(user))
            {
                throw new ArgumentException($"User {user} is in more than one part of the partition.");
            }
        }

        Train = train;
        Valid = valid;
        Test = test;
    }

    public int[] Train { get; }

    public int[] Valid { get; }

    public int[] Test { get; }

    public int Count => Train.Length + Valid.Length + Test.Length;

    public int[] this[TaskPart part] => part switch
    {
        TaskPart.Train => Train,
        TaskPart.Valid => Valid,
        TaskPart.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>Shuffles <paramref name="users"/> with the (seed, stream) generator and cuts it by the fractions.
    /// Valid and test sizes are rounded to the nearest user; train takes the rest, so no user is lost to rounding.</summary>
    public static UserPartition Random(ReadOnlySpan<int> users, PartitionFractions fractions, long seed, long stream)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        fractions.Validate();
        var order = users.ToArray();
        var random = SeededRandom.Derive(seed, stream);
        random.Shuffle(order.AsSpan());
        var valid = (int)Math.Round(order.Length * fractions.Valid, MidpointRounding.AwayFromZero);
        var test = Math.Min(order.Length - valid, (int)Math.Round(order.Length * fractions.Test, MidpointRounding.AwayFromZero));
        var train = order.Length - valid - test;
        return new UserPartition(Sorted(order.AsSpan(0, train)), Sorted(order.AsSpan(train, valid)), Sorted(order.AsSpan(train + valid)));
    }

    private static int[] Sorted(ReadOnlySpan<int> users)
    {
        var copy = users.ToArray();
        Array.Sort(copy);
        return copy;
    }
}
