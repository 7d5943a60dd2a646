namespace Chucheon.Data.Continual;

/// <summary>One task of a continual stream: which users it covers, each user's label(s) in the task's own label
/// vocabulary, and the task's own train/valid/test partition of those users.</summary>
/// <remarks>The input is never stored here: every task reads the stream's shared <see cref="UserSequences"/>, which
/// is what makes the learned user representation universal.</remarks>
public sealed class ContinualTask
{
    public ContinualTask(string name, ContinualTaskKind kind, IdMap labelVocabulary, TaskLabels labels, UserPartition partition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(labelVocabulary);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(partition);
        if (labels.LabelCount != labelVocabulary.Count)
        {
            throw new ArgumentException($"Task '{name}': labels index {labels.LabelCount} ids but the vocabulary has {labelVocabulary.Count}.", nameof(labels));
        }

        if (kind is ContinualTaskKind.NextItem or ContinualTaskKind.Classification && labels.TotalLabels != labels.Count)
        {
            throw new ArgumentException($"Task '{name}' ({kind}) needs exactly one label per user.", nameof(labels));
        }

        CheckPartitionCoversUsers(name, labels, partition);
        Name = name;
        Kind = kind;
        LabelVocabulary = labelVocabulary;
        Labels = labels;
        Partition = partition;
    }

    public string Name { get; }

    public ContinualTaskKind Kind { get; }

    /// <summary>Raw names of the labels (item ids, class names); a model's output layer for this task has this many units.</summary>
    public IdMap LabelVocabulary { get; }

    public TaskLabels Labels { get; }

    public UserPartition Partition { get; }

    public int UserCount => Labels.Count;

    public int LabelCount => LabelVocabulary.Count;

    public bool IsItemTask => Kind is ContinualTaskKind.NextItem or ContinualTaskKind.ItemRecommendation;

    public bool Covers(int user) => Labels.TryGetRow(user, out _);

    /// <summary>The labels of a covered user; a clear error for a user the task does not cover.</summary>
    public ReadOnlySpan<int> LabelsOf(int user) =>
        Labels.TryGetRow(user, out var row) ? Labels.OfRow(row) : throw new KeyNotFoundException($"Task '{Name}' does not cover user {user}.");

    /// <summary>The single label of a next-item or classification user.</summary>
    public int LabelOf(int user) => Kind == ContinualTaskKind.ItemRecommendation
        ? throw new InvalidOperationException($"Task '{Name}' has a label set per user; use LabelsOf.")
        : LabelsOf(user)[0];

    public int[] UsersIn(TaskPart part) => Partition[part];

    public override string ToString() => $"{Name} ({Kind}): {UserCount} users, {LabelCount} labels";

    private static void CheckPartitionCoversUsers(string name, TaskLabels labels, UserPartition partition)
    {
        if (partition.Count != labels.Count)
        {
            throw new ArgumentException($"Task '{name}': the partition holds {partition.Count} users but the task covers {labels.Count}.", nameof(partition));
        }

        foreach (var part in new[] { partition.Train, partition.Valid, partition.Test })
        {
            foreach (var user in part)
            {
                if (!labels.TryGetRow(user, out _))
                {
                    throw new ArgumentException($"Task '{name}': partition user {user} has no label.", nameof(partition));
                }
            }
        }
    }
}
