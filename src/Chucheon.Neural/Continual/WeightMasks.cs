using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>Piggyback's learned binary masks over the frozen convolution kernels: task t ≥ 1 owns a real-valued score
/// per kernel weight of every block; the forward pass multiplies the kernel by 1[score &gt; threshold] and the backward
/// pass treats that threshold as the identity (straight-through estimator), so the scores learn which frozen weights
/// the task keeps. Task 0 trains the backbone itself and has no mask.</summary>
/// <remarks>Mallya, Davis, Lazebnik, "Piggyback: Adapting a Single Network to Multiple Tasks by Learning to Mask
/// Weights", ECCV 2018. Scores start at 1e-2 above a 5e-3 threshold (every weight kept), as in the paper, so a new
/// task starts from the unchanged backbone.</remarks>
public sealed class WeightMasks : nn.Module, ITaskParameters
{
    public const double InitialScore = 1e-2;
    public const double Threshold = 5e-3;

    private readonly ParameterList scores = new();
    private readonly int _blocks;

    /// <param name="kernelShape">Shape of every masked kernel ([D, D, k]); each block has two.</param>
    public WeightMasks(int taskCount, int blocks, long[] kernelShape) : base(nameof(WeightMasks))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(taskCount, 1);
        _blocks = blocks;
        for (var t = 1; t < taskCount; t++)
        {
            for (var i = 0; i < blocks * 2; i++) { scores.Add(new Parameter(full(kernelShape, InitialScore))); }
        }

        RegisterComponents();
    }

    /// <summary>The kernel task <paramref name="task"/> convolves with in block <paramref name="block"/>, layer
    /// <paramref name="layer"/>: the frozen kernel itself for task 0, else kernel × binary mask (gradient to the scores
    /// straight through the threshold).</summary>
    public Tensor Apply(int task, int block, int layer, Tensor kernel)
    {
        if (task == 0) { return kernel; }
        using var scope = NewDisposeScope();
        var score = Score(task, block, layer);
        var binary = score.gt(Threshold).to(score.dtype);
        var straightThrough = binary + (score - score.detach());
        return (kernel * straightThrough).MoveToOuterDisposeScope();
    }

    /// <summary>The 0/1 mask task <paramref name="task"/> (≥ 1) uses on one kernel (no gradient).</summary>
    public Tensor Binary(int task, int block, int layer)
    {
        using var noGrad = no_grad();
        var score = Score(task, block, layer);
        return score.gt(Threshold).to(score.dtype);
    }

    /// <summary>The score tensors of task <paramref name="task"/> (none for task 0).</summary>
    public IEnumerable<Parameter> ParametersOf(int task)
    {
        if (task == 0) { yield break; }
        for (var i = 0; i < _blocks * 2; i++) { yield return scores[((task - 1) * _blocks * 2) + i]; }
    }

    private Parameter Score(int task, int block, int layer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(task, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, _blocks);
        return scores[((task - 1) * _blocks * 2) + (block * 2) + layer];
    }
}
