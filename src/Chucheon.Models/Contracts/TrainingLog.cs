namespace Chucheon.Models;

/// <summary>One finished training epoch as the run record keeps it: mean loss, the validation metric when it was
/// computed that epoch, and the epoch's training wall time (validation excluded).</summary>
public readonly record struct EpochSummary(int Epoch, double Loss, double? ValidationMetric, double TrainSeconds);

/// <summary>Collects what an iterative fit did, epoch by epoch, so that a run can record how many epochs ran, which
/// one was kept and how long each took. Iterative models write to it through <see cref="FitContext.TrainingLog"/>;
/// models without epochs leave it empty.</summary>
public sealed class TrainingLog
{
    private readonly List<EpochSummary> _epochs = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<EpochSummary> Epochs
    {
        get { lock (_gate) { return [.. _epochs]; } }
    }

    /// <summary>1-based epoch whose parameters the model ended with; null until an epoch is recorded.</summary>
    public int? BestEpoch { get; private set; }

    public double? BestValidationMetric { get; private set; }

    /// <summary>True when training ended before the configured number of epochs because validation stopped improving.</summary>
    public bool StoppedEarly { get; private set; }

    public void Record(EpochSummary epoch)
    {
        lock (_gate) { _epochs.Add(epoch); }
    }

    public void Finish(int? bestEpoch, double? bestValidationMetric, bool stoppedEarly)
    {
        BestEpoch = bestEpoch;
        BestValidationMetric = bestValidationMetric;
        StoppedEarly = stoppedEarly;
    }

    /// <summary>Mean training seconds per epoch; the first epoch is left out when there are others, because it pays
    /// one-off costs (native library warm-up, allocator growth) that the steady state does not.</summary>
    public double? MeanTrainSecondsPerEpoch
    {
        get
        {
            var epochs = Epochs;
            if (epochs.Count == 0) { return null; }
            var steady = epochs.Count > 1 ? epochs.Skip(1) : epochs;
            return steady.Average(e => e.TrainSeconds);
        }
    }
}
