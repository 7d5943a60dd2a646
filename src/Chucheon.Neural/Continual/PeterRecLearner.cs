using Chucheon.Data.Continual;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>PeterRec-style transfer: the first task trains the whole backbone, which is then frozen; every later task
/// trains only its own <see cref="ModelPatches"/> and head. Earlier tasks cannot be forgotten (their parameters never
/// change), but later tasks cannot reshape the representation either.</summary>
public sealed class PeterRecLearner : ContinualLearner
{
    public const string Alias = "peterrec";

    private readonly ModelPatches patches;

    public PeterRecLearner(TaskStream stream, ContinualModelOptions options, Device device) : base(stream, options, device)
    {
        patches = new ModelPatches(stream.Count, Backbone.BlockCount, options.Dim, options.PatchDim);
        patches.to(device);
    }

    public override string Name => "PeterRec";

    protected override IEnumerable<nn.Module> Modules() => base.Modules().Append(patches);

    protected override IEnumerable<Parameter> TrainableParameters(int task) =>
        task == 0 ? base.TrainableParameters(task) : patches.ParametersOf(task).Concat(Heads[task].parameters());

    protected override void BeginTask(int task)
    {
        if (task == 1)
        {
            foreach (var p in Backbone.parameters()) { p.requires_grad_(false); }
        }
    }

    protected override Tensor Encode(int task, Tensor tokens, double s) =>
        task == 0 ? Backbone.Encode(tokens) : Backbone.Encode(tokens, (k, x) => patches.Apply(task, k, x));
}
