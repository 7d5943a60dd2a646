using Chucheon.Configuration;

namespace Chucheon.Data.Continual;

/// <summary>The <c>continual:</c> config section: which stream to build, which tasks in which order, and whether to
/// insert a noisy task. Bind it with <see cref="ContinualOptionsBinding.Bind"/>; build it with <see cref="ContinualStreams.Build"/>.</summary>
/// <example>
/// <code>
/// continual:
///   source: movielens-100k
///   path: ../shared/datasets/ml-100k
///   tasks: [next_item, rated_4, rated_5, age, gender, occupation]
///   order: original            # original | reversed | shuffled
///   seed: 42
///   noisy_task: {position: 3}  # optional; user_fraction 0.5, classes 50
/// </code>
/// </example>
public sealed class ContinualOptions : IValidatedOptions
{
    public ContinualSource Source { get; set; } = ContinualSource.MovieLens100K;

    /// <summary>The source folder; relative paths resolve against the config file's folder.</summary>
    public string Path { get; set; } = "../shared/datasets/ml-100k";

    /// <summary>Tasks to keep, in stream order before <see cref="Order"/> applies. Default: all six ml-100k tasks.</summary>
    public string[] Tasks { get; set; } = [.. MovieLens100KStream.TaskNames];

    public StreamOrder Order { get; set; } = StreamOrder.Original;

    /// <summary>Seeds the partitions, the shuffled order and the noisy task.</summary>
    public long Seed { get; set; } = 42;

    /// <summary>Shortest task-1 input sequence a user may have; shorter users are excluded from every task.</summary>
    public int MinInputLength { get; set; } = 2;

    public double TrainFraction { get; set; } = PartitionFractions.Default.Train;

    public double ValidFraction { get; set; } = PartitionFractions.Default.Valid;

    public double TestFraction { get; set; } = PartitionFractions.Default.Test;

    /// <summary>Optional noisy task; null means none. Bound from the nested <c>noisy_task</c> map.</summary>
    public NoisyTaskOptions? NoisyTask { get; set; }

    public PartitionFractions Fractions => new(TrainFraction, ValidFraction, TestFraction);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) { throw new OptionsException("path", "a source folder is required."); }
        if (Tasks.Length == 0) { throw new OptionsException("tasks", "at least one task is required."); }

        var known = MovieLens100KStream.TaskNames;
        for (var i = 0; i < Tasks.Length; i++)
        {
            if (!known.Contains(Tasks[i]))
            {
                throw new OptionsException($"tasks[{i}]", $"unknown task '{Tasks[i]}'. Known tasks: {string.Join(", ", known)}.");
            }

            if (Array.IndexOf(Tasks, Tasks[i]) != i)
            {
                throw new OptionsException($"tasks[{i}]", $"task '{Tasks[i]}' is listed twice.");
            }
        }

        OptionChecks.AtLeast(MinInputLength, 1, "min_input_length");
        Fractions.Validate();
        if (NoisyTask is { } noisy)
        {
            noisy.Validate();
            if (noisy.Position > Tasks.Length + 1)
            {
                throw new OptionsException("noisy_task.position", $"must be in 1..{Tasks.Length + 1} for {Tasks.Length} tasks (got {noisy.Position}).");
            }
        }
    }
}
