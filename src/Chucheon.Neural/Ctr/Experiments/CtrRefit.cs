using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Neural.Training;

namespace Chucheon.Neural.Ctr.Experiments;

/// <summary>How the refit on train ∪ validation sets its epoch count from the early-stopped run.</summary>
public enum RefitEpochRule
{
    /// <summary>As many epochs (passes over every row) as the early-stopped run's best epoch, with the rate lowered
    /// after the same epochs.</summary>
    Same,

    /// <summary>The same number of optimisation steps: epochs and rate milestones multiplied by
    /// train rows / (train + validation rows), rounded.</summary>
    SameSteps,
}

/// <summary>The <c>training</c> section of a CTR config: the evaluation protocol around the model's own training keys.</summary>
public sealed class CtrTrainingOptions : IValidatedOptions
{
    /// <summary>After the usual fit on the training part (early stopping on validation chooses the epoch count and,
    /// with <c>lr_schedule: plateau</c>, when the rate drops), train a fresh model with the same seed on the training
    /// and validation rows together (vocabulary refitted on them) for that many epochs, replaying the rate schedule
    /// without any validation signal, and score that model on the test part.</summary>
    public bool RefitOnValidation { get; set; }

    /// <summary>The refit's epoch count: <c>same</c> epochs as the best epoch of the first fit, or <c>same_steps</c>.</summary>
    public RefitEpochRule RefitEpochs { get; set; } = RefitEpochRule.Same;

    public void Validate()
    {
    }
}

/// <summary>What the refit replays: its epoch count and the epoch counts after which the rate is multiplied by
/// <c>lr_gamma</c> (<c>lr_schedule: multistep</c>).</summary>
public sealed record CtrRefitPlan(int Epochs, int[] LrMilestones)
{
    /// <summary>The plan that replays a fit whose best weights came after <paramref name="bestEpochCount"/> epochs and
    /// whose rate was lowered after each of <paramref name="rateMilestones"/>, for <paramref name="refitRows"/> rows
    /// instead of <paramref name="fitRows"/>. Milestones at or after the last refit epoch change nothing and are dropped.</summary>
    public static CtrRefitPlan Replay(int bestEpochCount, IEnumerable<int> rateMilestones, int fitRows, int refitRows, RefitEpochRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bestEpochCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fitRows, 1);
        // Same steps: an epoch over more rows has proportionally more batches, so fewer epochs give the same updates.
        var scale = rule == RefitEpochRule.SameSteps ? (double)fitRows / refitRows : 1;
        int Scaled(int epochs) => Math.Max(1, (int)Math.Round(epochs * scale, MidpointRounding.AwayFromZero));
        var epochs = Scaled(bestEpochCount);
        return new CtrRefitPlan(epochs, rateMilestones.Select(Scaled).Where(m => m < epochs).Distinct().Order().ToArray());
    }

    /// <summary>The epoch counts after which a fit with <paramref name="options"/> lowered its rate: the recorded
    /// plateau drops, the multiples of <c>lr_step_size</c> for the step schedule, the configured milestones.</summary>
    public static int[] RateMilestones(NeuralOptions options, IReadOnlyList<int> recordedDrops, int epochsRun) => options.LrSchedule switch
    {
        LrSchedule.None => [],
        LrSchedule.Plateau => recordedDrops.ToArray(),
        LrSchedule.Multistep => options.LrMilestones,
        LrSchedule.Step => Enumerable.Range(1, epochsRun / options.LrStepSize).Select(k => k * options.LrStepSize).ToArray(),
        _ => throw new OptionsException("training.refit_on_validation",
            $"cannot replay lr_schedule {OptionsBinder.ToSnakeCase(options.LrSchedule.ToString())}: its rates depend on the epoch budget; use none, step, plateau or multistep."),
    };

    /// <summary>The model section for the refit: this plan's epochs and milestones (<c>multistep</c> schedule), no early
    /// stopping, and its own checkpoint folder so it never resumes the first fit's checkpoint.</summary>
    public Dictionary<string, object?> ModelSection(IReadOnlyDictionary<string, object?> fitSection)
    {
        var section = new Dictionary<string, object?>(fitSection, StringComparer.Ordinal);
        foreach (var key in section.Keys.Where(k => ReplayedKeys.Contains(OptionsBinder.NormalizedKey(k))).ToList())
        {
            section.Remove(key);
        }

        section["epochs"] = Epochs.ToString(CultureInfo.InvariantCulture);
        section["patience"] = "0";
        section["lr_schedule"] = "multistep";
        section["lr_milestones"] = LrMilestones.Select(m => (object?)m.ToString(CultureInfo.InvariantCulture)).ToList();
        var checkpointKey = section.Keys.FirstOrDefault(k => OptionsBinder.NormalizedKey(k) == OptionsBinder.NormalizedKey(nameof(NeuralOptions.CheckpointPath)));
        if (checkpointKey is not null && section[checkpointKey] is string checkpoint && checkpoint.Length > 0)
        {
            section[checkpointKey] = Path.Combine(checkpoint, "refit");
        }

        return section;
    }

    // The keys the plan replaces, in whatever spelling the config used.
    private static readonly HashSet<string> ReplayedKeys = new[]
    {
        nameof(NeuralOptions.Epochs), nameof(NeuralOptions.Patience), nameof(NeuralOptions.LrSchedule), nameof(NeuralOptions.LrMilestones), nameof(NeuralOptions.LrStepSize),
    }.Select(OptionsBinder.NormalizedKey).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The refit part of a run record: the replayed plan, the rows it trained on, its time, and the first fit's
/// test metrics for comparison (empty when the test part was not read).</summary>
public sealed record CtrRefitResult(
    RefitEpochRule EpochRule,
    int Epochs,
    int[] LrMilestones,
    int TrainRows,
    int Features,
    double FitSeconds,
    double FitCpuSeconds,
    SortedDictionary<string, double> FirstFitTestMetrics);
