using Chucheon.Data.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>PeterRec-style transfer: the first task trains the whole backbone, which is then frozen; every later task
/// trains only its own <see cref="ModelPatches"/> and head. Earlier tasks cannot be forgotten (their parameters never
/// change), but later tasks cannot reshape the representation either.</summary>
public sealed class PeterRecLearner : FrozenBackboneLearner<ModelPatches>
{
    public const string Alias = "peterrec";

    public PeterRecLearner(TaskStream stream, ContinualModelOptions options, Device device)
        : base(stream, options, device, backbone => new ModelPatches(stream.Count, backbone.BlockCount, options.Dim, options.PatchDim))
    {
    }

    public override string Name => "PeterRec";

    protected override Tensor Encode(int task, Tensor tokens, double s) =>
        task == 0 ? Backbone.Encode(tokens) : Backbone.Encode(tokens, (k, x) => Parts.Apply(task, k, x));
}
