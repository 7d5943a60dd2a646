namespace Chucheon.Evaluation.Continual;

/// <summary>R(T_j, T_i): performance on task i measured right after training through task j, for j ≥ i (0-based here;
/// the docs number tasks from 1). Entries above the diagonal (a task not yet trained) do not exist and read as NaN.</summary>
/// <remarks>The definitions of TERACON (Kim et al., KDD 2023, §5.1) and CONURE: row j is one evaluation pass over every
/// task seen so far, taken after the model finished task j.</remarks>
public sealed class PerformanceMatrix
{
    private readonly double[,] _values;

    public PerformanceMatrix(IReadOnlyList<string> taskNames)
    {
        ArgumentNullException.ThrowIfNull(taskNames);
        if (taskNames.Count == 0) { throw new ArgumentException("A performance matrix needs at least one task.", nameof(taskNames)); }
        TaskNames = [.. taskNames];
        _values = new double[taskNames.Count, taskNames.Count];
        for (var j = 0; j < Count; j++)
        {
            for (var i = 0; i < Count; i++) { _values[j, i] = double.NaN; }
        }
    }

    public IReadOnlyList<string> TaskNames { get; }

    public int Count => TaskNames.Count;

    /// <summary>Performance on task <paramref name="onTask"/> after training through task <paramref name="afterTask"/>.</summary>
    public double this[int afterTask, int onTask]
    {
        get
        {
            CheckIndices(afterTask, onTask);
            return _values[afterTask, onTask];
        }

        set
        {
            CheckIndices(afterTask, onTask);
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"R({TaskNames[afterTask]}, {TaskNames[onTask]}) must be a finite number.");
            }

            _values[afterTask, onTask] = value;
        }
    }

    /// <summary>R(T_i, T_i): the task measured right after it was learned.</summary>
    public double JustLearned(int task) => this[task, task];

    /// <summary>R(T_M, T_i): the task measured after the whole stream.</summary>
    public double Final(int task) => this[Count - 1, task];

    /// <summary>True when every entry on or below the diagonal has been set.</summary>
    public bool IsComplete
    {
        get
        {
            for (var j = 0; j < Count; j++)
            {
                for (var i = 0; i <= j; i++)
                {
                    if (double.IsNaN(_values[j, i])) { return false; }
                }
            }

            return true;
        }
    }

    private void CheckIndices(int afterTask, int onTask)
    {
        if ((uint)afterTask >= (uint)Count || (uint)onTask >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(afterTask), $"Task indices must be in 0..{Count - 1} (got after {afterTask}, on {onTask}).");
        }

        if (onTask > afterTask)
        {
            throw new ArgumentOutOfRangeException(nameof(onTask), $"R(T_{afterTask + 1}, T_{onTask + 1}) does not exist: task {TaskNames[onTask]} is trained after {TaskNames[afterTask]}.");
        }
    }
}
