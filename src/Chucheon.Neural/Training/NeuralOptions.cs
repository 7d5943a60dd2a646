using Chucheon.Configuration;
using Chucheon.Models;

namespace Chucheon.Neural.Training;

public enum OptimizerKind
{
    Adam,
    AdamW,
    Sgd,
}

public enum LrSchedule
{
    None,
    Step,
    Cosine,

    /// <summary>Multiply the rate by <c>lr_gamma</c> after every validation that does not improve on the best
    /// (floored at <c>lr_min</c>), as FuxiCTR's <c>reduce_lr_on_plateau</c> does with 0.1.</summary>
    Plateau,

    /// <summary>Multiply the rate by <c>lr_gamma</c> once at each epoch listed in <c>lr_milestones</c> (floored at
    /// <c>lr_min</c>), as PyTorch's <c>MultiStepLR</c>: milestone m lowers the rate from the (m+1)-th epoch on. A
    /// plateau run's drops (<see cref="Trainer.LearningRateDrops"/>) replayed as milestones give the same rates
    /// without a validation signal (CTR <c>refit_on_validation</c>).</summary>
    Multistep,
}

/// <summary>Training hyperparameters shared by every TorchSharp model (each model's options derive from this and
/// change the defaults it needs). Keys are the snake_case property names.</summary>
public abstract class NeuralOptions : IModelOptions
{
    public int Epochs { get; set; } = 100;

    public int BatchSize { get; set; } = 500;

    public double LearningRate { get; set; } = 1e-3;

    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    public double WeightDecay { get; set; }

    /// <summary>SGD momentum (ignored by Adam/AdamW).</summary>
    public double Momentum { get; set; }

    /// <summary>Clip the global gradient L2 norm to this value; 0 disables clipping.</summary>
    public double ClipGradNorm { get; set; }

    public LrSchedule LrSchedule { get; set; } = LrSchedule.None;

    /// <summary>Step schedule: multiply the rate by <see cref="LrGamma"/> every this many epochs.</summary>
    public int LrStepSize { get; set; } = 10;

    public double LrGamma { get; set; } = 0.5;

    /// <summary>Multistep schedule: the epoch counts after which the rate is multiplied by <see cref="LrGamma"/>.</summary>
    public int[] LrMilestones { get; set; } = [];

    /// <summary>Cosine schedule: the floor the rate decays to by the last epoch; plateau schedule: the lowest rate.</summary>
    public double LrMin { get; set; }

    /// <summary>Epochs without a better validation metric before training stops; 0 disables early stopping.</summary>
    public int Patience { get; set; } = 10;

    /// <summary>Validate every this many epochs (validation is often the slowest part of an epoch).</summary>
    public int EvalEvery { get; set; } = 1;

    /// <summary>Directory for a resumable on-disk checkpoint (written after each epoch; a fit resumes from it when
    /// present). Null disables it.</summary>
    public string? CheckpointPath { get; set; }

    /// <summary><c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c> (CUDA when usable, else the CPU with a warning).</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>libtorch intra-op threads; null uses the fit context's thread count (all cores by default).</summary>
    public int? Threads { get; set; }

    /// <summary>Users (or pairs) per scoring batch at inference time.</summary>
    public int EvalBatchSize { get; set; } = 1024;

    public virtual void Validate()
    {
        OptionChecks.AtLeast(Epochs, 1, "epochs");
        OptionChecks.AtLeast(BatchSize, 1, "batch_size");
        OptionChecks.Positive(LearningRate, "learning_rate");
        OptionChecks.NonNegative(WeightDecay, "weight_decay");
        OptionChecks.InRange(Momentum, 0, 1, "momentum");
        OptionChecks.NonNegative(ClipGradNorm, "clip_grad_norm");
        OptionChecks.AtLeast(LrStepSize, 1, "lr_step_size");
        OptionChecks.InRange(LrGamma, 0, 1, "lr_gamma");
        OptionChecks.NonNegative(LrMin, "lr_min");
        foreach (var milestone in LrMilestones) { OptionChecks.AtLeast(milestone, 1, "lr_milestones"); }
        OptionChecks.AtLeast(Patience, 0, "patience");
        OptionChecks.AtLeast(EvalEvery, 1, "eval_every");
        OptionChecks.AtLeast(EvalBatchSize, 1, "eval_batch_size");
        if (Threads is { } t) { OptionChecks.AtLeast(t, 1, "threads"); }
        var device = Device.Trim().ToLowerInvariant();
        if (device is not ("cpu" or "cuda" or "auto") && !(device.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(device.AsSpan(5), out _)))
        {
            throw new OptionsException("device", $"'{Device}' is not one of: cpu, cuda, cuda:N, auto.");
        }
    }
}
