using TorchSharp.Modules;

namespace Chucheon.Neural.Continual;

/// <summary>A module that holds separate parameters for every task (masks, patches), so a learner can train one
/// task's share and freeze the rest.</summary>
public interface ITaskParameters
{
    IEnumerable<Parameter> ParametersOf(int task);
}
