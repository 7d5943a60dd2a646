using Chucheon.Data.Continual;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>The transfer scheme PeterRec and Piggyback share: the first task trains the whole backbone, which is then
/// frozen; every later task trains only its own share of <typeparamref name="TParts"/> and its head. Earlier tasks
/// cannot be forgotten (nothing they use changes), but later tasks cannot reshape the backbone either.</summary>
public abstract class FrozenBackboneLearner<TParts> : ContinualLearner
    where TParts : nn.Module, ITaskParameters
{
    protected FrozenBackboneLearner(TaskStream stream, ContinualModelOptions options, Device device,
        Func<ContinualBackbone, TParts> createParts) : base(stream, options, device)
    {
        Parts = createParts(Backbone);
        Parts.to(device);
    }

    /// <summary>The per-task parameters on top of the frozen backbone.</summary>
    protected TParts Parts { get; }

    protected override IEnumerable<nn.Module> Modules() => base.Modules().Append(Parts);

    protected override IEnumerable<Parameter> TrainableParameters(int task) =>
        task == 0 ? base.TrainableParameters(task) : Parts.ParametersOf(task).Concat(Heads[task].parameters());

    protected override void BeginTask(int task)
    {
        if (task == 1)
        {
            foreach (var p in Backbone.parameters()) { p.requires_grad_(false); }
        }
    }
}
