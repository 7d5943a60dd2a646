using System.Globalization;
using System.Text;

namespace Chucheon.Data.Continual;

/// <summary>The shared behaviour sequences plus the ordered tasks a continual learner trains through, one after another.</summary>
/// <remarks>Immutable: reordering or inserting a task returns a new stream that shares the sequences and task objects.</remarks>
public sealed class TaskStream
{
    /// <summary>Generator stream of the task order, apart from the streams builders use for partitions (1, 2, ...).</summary>
    private const long ShuffleStream = 0x5_4A5C;

    public TaskStream(UserSequences sequences, IReadOnlyList<ContinualTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            throw new ArgumentException("A stream needs at least one task.", nameof(tasks));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!names.Add(task.Name))
            {
                throw new ArgumentException($"Task name '{task.Name}' appears twice in the stream.", nameof(tasks));
            }

            var users = task.Labels.Users;
            if (users.Length > 0 && (users[0] < 0 || users[^1] >= sequences.UserCount))
            {
                throw new ArgumentException($"Task '{task.Name}' covers user ids outside the {sequences.UserCount} sequences.", nameof(tasks));
            }
        }

        Sequences = sequences;
        Tasks = [.. tasks];
    }

    public UserSequences Sequences { get; }

    public IReadOnlyList<ContinualTask> Tasks { get; }

    public int Count => Tasks.Count;

    public ContinualTask this[string name] =>
        Tasks.FirstOrDefault(t => t.Name == name)
        ?? throw new KeyNotFoundException($"No task named '{name}'. Tasks: {string.Join(", ", Tasks.Select(t => t.Name))}.");

    public IReadOnlyList<string> TaskNames => [.. Tasks.Select(t => t.Name)];

    /// <summary>The same tasks, last first.</summary>
    public TaskStream Reversed() => new(Sequences, [.. Tasks.Reverse()]);

    /// <summary>The same tasks in a seeded random order.</summary>
    public TaskStream Shuffled(long seed)
    {
        var order = Tasks.ToArray();
        SeededRandom.Derive(seed, ShuffleStream).Shuffle(order.AsSpan());
        return new TaskStream(Sequences, order);
    }

    /// <summary>The tasks with the given names, in the order given.</summary>
    public TaskStream Select(IEnumerable<string> names) => new(Sequences, [.. names.Select(n => this[n])]);

    /// <summary>Inserts <paramref name="task"/> so that it becomes task number <paramref name="position"/> (1-based;
    /// <c>Count + 1</c> appends it).</summary>
    public TaskStream WithTaskAt(int position, ContinualTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (position < 1 || position > Count + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"A task position must be in 1..{Count + 1}.");
        }

        var tasks = Tasks.ToList();
        tasks.Insert(position - 1, task);
        return new TaskStream(Sequences, tasks);
    }

    /// <summary>Inserts a <see cref="NoisyTask"/> over these sequences at <paramref name="position"/> (1-based).</summary>
    public TaskStream WithNoisyTask(int position, long seed, double userFraction = 0.5, int classCount = 50, PartitionFractions? fractions = null) =>
        WithTaskAt(position, NoisyTask.Create(Sequences, seed, userFraction, classCount, fractions));

    /// <summary>A short hash of sequences, task order, labels and partitions (16 hex digits).</summary>
    public string Fingerprint() => TaskStreamFingerprint.Compute(this);

    /// <summary>A markdown table: one row per task with its kind, users, labels and partition sizes.</summary>
    public string Summary()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{Sequences.UserCount} users, {Sequences.ItemCount} input items, {Sequences.TotalLength} input events; fingerprint {Fingerprint()}\n\n");
        sb.Append("| # | task | kind | users | label vocabulary | labels | train | valid | test |\n");
        sb.Append("|---:|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (var i = 0; i < Count; i++)
        {
            var t = Tasks[i];
            sb.Append(c, $"| {i + 1} | {t.Name} | {t.Kind} | {t.UserCount} | {t.LabelCount} | {t.Labels.TotalLabels} | {t.Partition.Train.Length} | {t.Partition.Valid.Length} | {t.Partition.Test.Length} |\n");
        }

        return sb.ToString();
    }
}
