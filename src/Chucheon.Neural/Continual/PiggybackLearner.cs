using Chucheon.Data.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>Piggyback on the shared backbone: the first task trains the whole backbone, which is then frozen; every
/// later task learns only a binary mask over the convolution kernels (<see cref="WeightMasks"/>) and its head. A task's
/// scores never change after it (its mask, head and the frozen weights are its alone), so BWT is 0 by construction;
/// what a later task can reach is limited to sub-networks of the first task's weights.</summary>
/// <remarks>Mallya, Davis, Lazebnik, ECCV 2018. As in the paper, biases and normalisation layers stay as the first
/// task left them; the item embedding is not masked either (it is a lookup table, not a layer of the network the
/// paper masks), so every task sees the same item vectors.</remarks>
public sealed class PiggybackLearner : FrozenBackboneLearner<WeightMasks>
{
    public const string Alias = "piggyback";

    public PiggybackLearner(TaskStream stream, ContinualModelOptions options, Device device)
        : base(stream, options, device, backbone => new WeightMasks(stream.Count, backbone.BlockCount, backbone.Block(0).Kernel(0).shape))
    {
    }

    public override string Name => "Piggyback";

    /// <summary>The masks (for inspecting what a task kept).</summary>
    public WeightMasks Masks => Parts;

    protected override Tensor Encode(int task, Tensor tokens, double s) =>
        task == 0 ? Backbone.Encode(tokens) : Backbone.Encode(tokens, kernelOf: (k, layer, kernel) => Parts.Apply(task, k, layer, kernel));
}
