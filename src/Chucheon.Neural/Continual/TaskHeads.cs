using Chucheon.Data.Continual;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>One linear classifier per task of the stream, over the task's own label vocabulary (for the next-item
/// task that vocabulary is the input items).</summary>
public sealed class TaskHeads : nn.Module
{
    private readonly ModuleList<Linear> heads = new();

    public TaskHeads(TaskStream stream, int dim) : base(nameof(TaskHeads))
    {
        ArgumentNullException.ThrowIfNull(stream);
        foreach (var task in stream.Tasks) { heads.Add(nn.Linear(dim, task.LabelCount)); }
        RegisterComponents();
    }

    public Linear this[int task] => heads[task];
}
