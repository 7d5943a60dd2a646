using Chucheon.Configuration;

namespace Chucheon.Neural.Continual;

/// <summary>The <c>continual_model:</c> config section: the shared NextItNet backbone, per-task training and the
/// method-specific knobs (TERACON, HAT, CONURE, PeterRec). Defaults are sized so the whole ml-100k stream with every
/// method fits the 45-minute bar on 2 CPU cores.</summary>
public sealed class ContinualModelOptions : IValidatedOptions
{
    /// <summary>Methods to run, by alias (<see cref="ContinualMethods.Aliases"/>), in report order.</summary>
    public string[] Methods { get; set; } = ["sinmo", "fineall", "teracon", "hat", "conure", "peterrec", "piggyback", "mtl"];

    /// <summary>Scenarios to run: <c>original</c>, <c>reversed</c>, <c>noisy</c> (noisy task inserted at
    /// <see cref="NoisyPosition"/> of the original order).</summary>
    public string[] Scenarios { get; set; } = ["original", "reversed", "noisy"];

    /// <summary>1-based position of the noisy task in the noisy scenario.</summary>
    public int NoisyPosition { get; set; } = 3;

    public int Dim { get; set; } = 64;

    /// <summary>One residual block per entry (each block dilates d, then 2d).</summary>
    public int[] Dilations { get; set; } = [1, 4, 1, 4];

    public int KernelSize { get; set; } = 3;

    /// <summary>Only the last <c>max_length</c> items of each input sequence are read (ml-100k sequences reach 620).</summary>
    public int MaxLength { get; set; } = 100;

    public int BatchSize { get; set; } = 64;

    /// <summary>Epochs per task; the epoch with the best validation score is kept.</summary>
    public int Epochs { get; set; } = 8;

    public double LearningRate { get; set; } = 1e-3;

    public double Dropout { get; set; }

    public int Seed { get; set; } = 42;

    /// <summary>Training seeds to repeat the whole comparison with (each replaces <see cref="Seed"/>; the stream's split
    /// seed is unchanged); empty = one run with <see cref="Seed"/>. With seeds, each run is written to
    /// <c>seed-N/</c> and the mean and spread over seeds to <c>continual-seeds.md</c>.</summary>
    public int[] Seeds { get; set; } = [];

    /// <summary><c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c> (CUDA when usable, else the CPU with a warning).</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>libtorch intra-op threads; 0 = all cores.</summary>
    public int Threads { get; set; }

    /// <summary>Largest mask scale s (TERACON, HAT); s is annealed from 1/s_max to s_max over each epoch.</summary>
    public double SMax { get; set; } = 50;

    /// <summary>TERACON: weight of the retention (pseudo-label MSE) term.</summary>
    public double Alpha { get; set; } = 0.7;

    /// <summary>TERACON: sharpness c in ρ_ij = 1 − mean_k σ(c·cos(m_k^i, m_k^j)).</summary>
    public double SamplingSharpness { get; set; } = 1;

    /// <summary>TERACON: where the task masks act — <c>block</c> (each block's output, skip path included, as HAT's
    /// masks here) or <c>branch</c> (the paper's code: each convolution's ReLU output inside the residual branch, two per
    /// block, the skip path untouched). Block is the default because it forgot less on ml-100k's validation users.</summary>
    public TeraconMaskPlacement TeraconMasks { get; set; } = TeraconMaskPlacement.Block;

    /// <summary>TERACON: sample retention users with rate ρ_ij (false: every current user, ρ = 1).</summary>
    public bool RelationSampling { get; set; } = true;

    /// <summary>TERACON: learning rate for every task after the first; 0 = <see cref="LearningRate"/>. A smaller step
    /// moves the shared backbone less while a later task trains, which is where an earlier task's outputs drift.</summary>
    public double TeraconLaterLearningRate { get; set; }

    /// <summary>TERACON: weight (relative to <see cref="Alpha"/>'s per-task share) of an extra retention term on the
    /// masked encoding itself, at every real position of the sequence; 0 = off (the paper retains head outputs at the
    /// last position only).</summary>
    public double TeraconStateRetention { get; set; }

    /// <summary>TERACON: the retention distance on head outputs — <c>mse</c> (the paper) or <c>kl</c> (softmax
    /// distillation at <see cref="TeraconRetentionTemperature"/>, which weights the top of each earlier task's ranking).</summary>
    public TeraconRetention TeraconRetention { get; set; } = TeraconRetention.Mse;

    /// <summary>TERACON: softmax temperature of the <c>kl</c> retention.</summary>
    public double TeraconRetentionTemperature { get; set; } = 1;

    /// <summary>HAT: weight of the mask sparsity regulariser.</summary>
    public double HatSparsity { get; set; } = 0.1;

    /// <summary>CONURE: share of the still-free backbone weights a task keeps (the rest is pruned for later tasks).</summary>
    public double ConureKeep { get; set; } = 0.4;

    /// <summary>CONURE: epochs of retraining the kept weights after pruning.</summary>
    public int ConureRetrainEpochs { get; set; } = 1;

    /// <summary>PeterRec: bottleneck width of each model patch.</summary>
    public int PatchDim { get; set; } = 16;

    /// <summary>Item task for the downstream NCF check (user embeddings initialised from each method's representation
    /// after the original-order stream); empty = skip.</summary>
    public string Downstream { get; set; } = "";

    public int DownstreamEpochs { get; set; } = 10;

    public void Validate()
    {
        if (Methods.Length == 0) { throw new OptionsException("methods", "at least one method is required."); }
        for (var i = 0; i < Methods.Length; i++)
        {
            if (!ContinualMethods.Aliases.Contains(Methods[i]))
            {
                throw new OptionsException($"methods[{i}]", $"unknown method '{Methods[i]}'. Known: {string.Join(", ", ContinualMethods.Aliases)}.");
            }
        }

        for (var i = 0; i < Scenarios.Length; i++)
        {
            if (Scenarios[i] is not ("original" or "reversed" or "noisy"))
            {
                throw new OptionsException($"scenarios[{i}]", $"unknown scenario '{Scenarios[i]}'. Known: original, reversed, noisy.");
            }
        }

        if (Scenarios.Length == 0) { throw new OptionsException("scenarios", "at least one scenario is required."); }
        OptionChecks.AtLeast(NoisyPosition, 1, "noisy_position");
        OptionChecks.AtLeast(Dim, 2, "dim");
        if (Dilations.Length == 0) { throw new OptionsException("dilations", "at least one block is required."); }
        for (var i = 0; i < Dilations.Length; i++) { OptionChecks.AtLeast(Dilations[i], 1, $"dilations[{i}]"); }
        OptionChecks.AtLeast(KernelSize, 1, "kernel_size");
        OptionChecks.AtLeast(MaxLength, 1, "max_length");
        OptionChecks.AtLeast(BatchSize, 1, "batch_size");
        OptionChecks.AtLeast(Epochs, 1, "epochs");
        OptionChecks.Positive(LearningRate, "learning_rate");
        OptionChecks.InRange(Dropout, 0, 0.99, "dropout");
        OptionChecks.AtLeast(Threads, 0, "threads");
        if (string.IsNullOrWhiteSpace(Device)) { throw new OptionsException("device", "name a device: cpu, cuda, cuda:N or auto."); }
        OptionChecks.InRange(SMax, 1, 1e4, "s_max");
        OptionChecks.NonNegative(Alpha, "alpha");
        OptionChecks.Positive(SamplingSharpness, "sampling_sharpness");
        OptionChecks.NonNegative(TeraconLaterLearningRate, "teracon_later_learning_rate");
        OptionChecks.NonNegative(TeraconStateRetention, "teracon_state_retention");
        OptionChecks.Positive(TeraconRetentionTemperature, "teracon_retention_temperature");
        OptionChecks.NonNegative(HatSparsity, "hat_sparsity");
        OptionChecks.InRange(ConureKeep, 0.01, 1, "conure_keep");
        OptionChecks.AtLeast(ConureRetrainEpochs, 0, "conure_retrain_epochs");
        OptionChecks.AtLeast(PatchDim, 1, "patch_dim");
        OptionChecks.AtLeast(DownstreamEpochs, 1, "downstream_epochs");
        if (Seeds.Distinct().Count() != Seeds.Length) { throw new OptionsException("seeds", "each seed may appear only once."); }
    }
}
