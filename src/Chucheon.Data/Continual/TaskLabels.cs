namespace Chucheon.Data.Continual;

/// <summary>The users a task covers and each one's labels (dense ids into the task's label vocabulary), stored
/// CSR-style: row r is user <see cref="Users"/>[r] with labels <c>Values[Offsets[r]..Offsets[r + 1]]</c>.</summary>
/// <remarks>Users are strictly ascending so a user's row is found by binary search; every user has at least one label
/// and no label twice, so a label set never needs deduplicating downstream.</remarks>
public sealed class TaskLabels
{
    public TaskLabels(int[] users, int[] offsets, int[] values, int labelCount)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(values);
        if (offsets.Length != users.Length + 1 || offsets[0] != 0 || offsets[^1] != values.Length)
        {
            throw new ArgumentException("Offsets must have one entry per user plus one, start at 0 and end at the number of labels.", nameof(offsets));
        }

        for (var r = 0; r < users.Length; r++)
        {
            if (r > 0 && users[r] <= users[r - 1])
            {
                throw new ArgumentException($"Users must be strictly ascending (user {users[r]} follows {users[r - 1]}).", nameof(users));
            }

            if (offsets[r + 1] <= offsets[r])
            {
                throw new ArgumentException($"User {users[r]} has no label.", nameof(offsets));
            }

            var labels = values.AsSpan(offsets[r], offsets[r + 1] - offsets[r]);
            for (var j = 0; j < labels.Length; j++)
            {
                if ((uint)labels[j] >= (uint)labelCount)
                {
                    throw new ArgumentException($"User {users[r]} has label id {labels[j]}; the vocabulary has {labelCount}.", nameof(values));
                }

                if (labels[..j].Contains(labels[j]))
                {
                    throw new ArgumentException($"User {users[r]} has label id {labels[j]} twice.", nameof(values));
                }
            }
        }

        Users = users;
        Offsets = offsets;
        Values = values;
        LabelCount = labelCount;
    }

    public int[] Users { get; }

    public int[] Offsets { get; }

    public int[] Values { get; }

    /// <summary>Size of the label vocabulary the values index into.</summary>
    public int LabelCount { get; }

    public int Count => Users.Length;

    public int TotalLabels => Values.Length;

    public ReadOnlySpan<int> OfRow(int row) => Values.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    public bool TryGetRow(int user, out int row)
    {
        row = Array.BinarySearch(Users, user);
        return row >= 0;
    }

    /// <summary>One label per user (next item, class id); users must be ascending.</summary>
    public static TaskLabels FromSingle(int[] users, int[] labels, int labelCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != users.Length)
        {
            throw new ArgumentException($"{labels.Length} labels for {users.Length} users.", nameof(labels));
        }

        var offsets = new int[users.Length + 1];
        for (var r = 0; r < users.Length; r++) { offsets[r + 1] = r + 1; }
        return new TaskLabels(users, offsets, (int[])labels.Clone(), labelCount);
    }

    /// <summary>A label set per user (items rated 4, ...); users must be ascending.</summary>
    public static TaskLabels FromSets(int[] users, IReadOnlyList<IReadOnlyList<int>> sets, int labelCount)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count != users.Length)
        {
            throw new ArgumentException($"{sets.Count} label sets for {users.Length} users.", nameof(sets));
        }

        var offsets = new int[users.Length + 1];
        for (var r = 0; r < users.Length; r++) { offsets[r + 1] = offsets[r] + sets[r].Count; }
        var values = new int[offsets[^1]];
        for (var r = 0; r < users.Length; r++)
        {
            for (var j = 0; j < sets[r].Count; j++) { values[offsets[r] + j] = sets[r][j]; }
        }

        return new TaskLabels(users, offsets, values, labelCount);
    }
}
