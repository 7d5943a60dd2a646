using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chucheon.Evaluation;
using Chucheon.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Training;

/// <summary>One finished epoch: mean training loss, the validation metric when it was computed, wall time, and the
/// learning rate of the first optimizer during the epoch.</summary>
public readonly record struct EpochRecord(int Epoch, double Loss, double? Metric, double Seconds, double LearningRate = 0);

/// <summary>The reusable training loop: epochs, optimizers, learning-rate schedule, gradient clipping, early stopping
/// with best-weights restore, resumable on-disk checkpoints, determinism and progress reporting. A model supplies an
/// epoch body that runs its mini-batches through <see cref="Step"/>.</summary>
/// <remarks>
/// Determinism: each epoch re-seeds libtorch and a .NET <see cref="Random"/> (for shuffling and negative sampling)
/// from (seed, epoch), so a run resumed from a checkpoint at epoch k draws exactly what an uninterrupted run draws.
/// </remarks>
public sealed class Trainer : IDisposable
{
    private readonly NeuralOptions _options;
    private readonly FitContext _context;
    private readonly string _name;
    private readonly List<(optim.Optimizer Optimizer, Parameter[] Parameters, double BaseRate)> _optimizers = [];
    private Dictionary<string, Tensor>? _best;

    // Plateau schedule: the factor applied to every base rate, lowered by lr_gamma at each non-improving validation.
    private double _plateauFactor = 1;
    private readonly List<int> _learningRateDrops = [];

    public Trainer(NeuralOptions options, FitContext context, string name, Device device)
    {
        _options = options;
        _context = context;
        _name = name;
        Device = device;
    }

    public Device Device { get; }

    public IReadOnlyList<EpochRecord> History => _history;

    private readonly List<EpochRecord> _history = [];

    /// <summary>The epoch whose weights the model ends with (the best validated one when validation ran).</summary>
    public int BestEpoch { get; private set; } = -1;

    public double? BestMetric { get; private set; }

    /// <summary>Plateau schedule: the epoch counts after which the rate was lowered (a drop after the 6th epoch is 6,
    /// so the 7th epoch ran at the lower rate) — the <c>lr_milestones</c> that replay this run's rates.</summary>
    public IReadOnlyList<int> LearningRateDrops => _learningRateDrops;

    /// <summary>Creates an optimizer from the options (kind, weight decay, momentum); <paramref name="learningRate"/>
    /// overrides the configured base rate (RecVAE's two optimizers).</summary>
    public optim.Optimizer CreateOptimizer(IEnumerable<Parameter> parameters, double? learningRate = null)
    {
        var list = parameters.Where(p => p.requires_grad).ToArray();
        var lr = learningRate ?? _options.LearningRate;
        optim.Optimizer optimizer = _options.Optimizer switch
        {
            OptimizerKind.Adam => optim.Adam(list, lr, weight_decay: _options.WeightDecay),
            OptimizerKind.AdamW => optim.AdamW(list, lr, weight_decay: _options.WeightDecay),
            OptimizerKind.Sgd => optim.SGD(list, lr, momentum: _options.Momentum, weight_decay: _options.WeightDecay),
            _ => throw new InvalidOperationException($"unknown optimizer {_options.Optimizer}"),
        };
        _optimizers.Add((optimizer, list, lr));
        return optimizer;
    }

    /// <summary>One optimisation step in its own dispose scope: every temporary the loss creates is freed here, so
    /// memory stays flat however many steps run. Returns the loss value.</summary>
    public float Step(optim.Optimizer optimizer, Func<Tensor> computeLoss)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = computeLoss();
        loss.backward();
        if (_options.ClipGradNorm > 0)
        {
            var parameters = _optimizers.First(o => ReferenceEquals(o.Optimizer, optimizer)).Parameters;
            nn.utils.clip_grad_norm_(parameters, _options.ClipGradNorm);
        }

        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>Shuffled index batches of 0..count-1 drawn from <paramref name="random"/>.</summary>
    public static IEnumerable<int[]> Batches(int count, int batchSize, Random random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++) { order[i] = i; }
        random.Shuffle(order);
        for (var start = 0; start < count; start += batchSize)
        {
            yield return order[start..Math.Min(count, start + batchSize)];
        }
    }

    /// <summary>Runs the epochs. <paramref name="epochBody"/> trains one epoch and returns its mean loss;
    /// <paramref name="scorer"/> is what <see cref="FitContext.Validate"/> evaluates.</summary>
    public void Run(nn.Module module, Func<int, Random, double> epochBody, IItemScorer scorer)
    {
        var start = 0;
        var badEvaluations = 0;
        var stoppedEarly = false;
        if (_options.CheckpointPath is { } dir && File.Exists(Path.Combine(dir, StateFile)))
        {
            (start, badEvaluations) = LoadCheckpoint(module, dir);
        }

        for (var epoch = start; epoch < _options.Epochs; epoch++)
        {
            _context.Cancellation.ThrowIfCancellationRequested();
            var learningRate = ApplySchedule(epoch);
            var seed = EpochSeed(_context.Seed, epoch);
            random.manual_seed(seed);
            var rng = new Random(seed);
            var watch = Stopwatch.StartNew();
            module.train();
            var loss = epochBody(epoch, rng);
            module.eval();
            var trainSeconds = watch.Elapsed.TotalSeconds;
            double? metric = null;
            var last = epoch == _options.Epochs - 1;
            if (_context.Validate is { } validate && ((epoch + 1) % _options.EvalEvery == 0 || last))
            {
                using (no_grad())
                {
                    metric = validate(scorer);
                }

                if (BestMetric is null || metric > BestMetric)
                {
                    BestMetric = metric;
                    BestEpoch = epoch;
                    badEvaluations = 0;
                    KeepBest(module);
                }
                else
                {
                    badEvaluations++;
                    _plateauFactor *= _options.LrGamma;
                    if (_options.LrSchedule == LrSchedule.Plateau) { _learningRateDrops.Add(epoch + 1); }
                }
            }
            else if (_context.Validate is null)
            {
                BestEpoch = epoch;
            }

            _history.Add(new EpochRecord(epoch, loss, metric, trainSeconds, learningRate));
            _context.TrainingLog?.Record(new EpochSummary(epoch + 1, loss, metric, trainSeconds));
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"{_name} epoch {epoch + 1}/{_options.Epochs} loss {loss:F4}{(metric is { } m ? $" {_context.ValidationMetric} {m:F4}" : "")} {trainSeconds:F2} s/epoch");
            _context.Report("train", epoch + 1, _options.Epochs, detail);
            var stop = _options.Patience > 0 && badEvaluations >= _options.Patience;
            if (_options.CheckpointPath is { } path)
            {
                SaveCheckpoint(module, path, epoch + 1, badEvaluations);
            }

            if (stop)
            {
                _context.Report("train", epoch + 1, _options.Epochs, $"{_name}: early stop, best epoch {BestEpoch + 1}");
                stoppedEarly = true;
                break;
            }
        }

        _context.TrainingLog?.Finish(BestEpoch >= 0 ? BestEpoch + 1 : null, BestMetric, stoppedEarly);

        if (_best is not null)
        {
            module.load_state_dict(_best);
        }
    }

    /// <summary>A seed that differs per epoch but is a pure function of (run seed, epoch).</summary>
    public static int EpochSeed(int seed, int epoch) => unchecked((seed * 1_000_003) + (epoch * 7_919) + 17) & int.MaxValue;

    /// <summary>Sets every optimizer's rate for <paramref name="epoch"/>; returns the first optimizer's.</summary>
    private double ApplySchedule(int epoch)
    {
        double? first = null;
        foreach (var (optimizer, _, baseRate) in _optimizers)
        {
            var rate = _options.LrSchedule switch
            {
                LrSchedule.Step => baseRate * Math.Pow(_options.LrGamma, epoch / _options.LrStepSize),
                LrSchedule.Cosine => _options.LrMin + ((baseRate - _options.LrMin) * 0.5 * (1 + Math.Cos(Math.PI * epoch / Math.Max(1, _options.Epochs)))),
                LrSchedule.Plateau => Math.Max(_options.LrMin, baseRate * _plateauFactor),
                LrSchedule.Multistep => Math.Max(_options.LrMin, baseRate * Math.Pow(_options.LrGamma, _options.LrMilestones.Count(m => m <= epoch))),
                _ => baseRate,
            };
            first ??= rate;
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = rate;
            }
        }

        return first ?? 0;
    }

    private void KeepBest(nn.Module module)
    {
        DisposeBest();
        // Detached copies that live outside any dispose scope until replaced or the trainer is disposed.
        _best = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
    }

    private void DisposeBest()
    {
        if (_best is null) { return; }
        foreach (var t in _best.Values) { t.Dispose(); }
        _best = null;
    }

    private const string StateFile = "trainer.json";

    private sealed record CheckpointState(int NextEpoch, int BadEvaluations, int BestEpoch, double? BestMetric, List<EpochRecord> History, double PlateauFactor = 1, List<int>? LearningRateDrops = null);

    private void SaveCheckpoint(nn.Module module, string dir, int nextEpoch, int badEvaluations)
    {
        Directory.CreateDirectory(dir);
        module.save(Path.Combine(dir, "model.dat"));
        for (var i = 0; i < _optimizers.Count; i++)
        {
            ((OptimizerHelper)_optimizers[i].Optimizer).save_state_dict(Path.Combine(dir, $"optimizer{i}.dat"));
        }

        var bestPath = Path.Combine(dir, "best.dat");
        if (_best is not null)
        {
            using var scope = NewDisposeScope();
            var current = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            module.load_state_dict(_best);
            module.save(bestPath);
            module.load_state_dict(current);
        }

        // Written last and atomically: its presence marks a complete checkpoint.
        var temp = Path.Combine(dir, StateFile + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(new CheckpointState(nextEpoch, badEvaluations, BestEpoch, BestMetric, _history, _plateauFactor, _learningRateDrops)));
        File.Move(temp, Path.Combine(dir, StateFile), overwrite: true);
    }

    private (int NextEpoch, int BadEvaluations) LoadCheckpoint(nn.Module module, string dir)
    {
        var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(Path.Combine(dir, StateFile)))
            ?? throw new InvalidDataException($"{dir}: empty trainer state.");
        var bestPath = Path.Combine(dir, "best.dat");
        if (state.BestMetric is not null && File.Exists(bestPath))
        {
            module.load(bestPath);
            KeepBest(module);
        }

        module.load(Path.Combine(dir, "model.dat"));
        for (var i = 0; i < _optimizers.Count; i++)
        {
            ((OptimizerHelper)_optimizers[i].Optimizer).load_state_dict(Path.Combine(dir, $"optimizer{i}.dat"));
        }

        BestEpoch = state.BestEpoch;
        BestMetric = state.BestMetric;
        _plateauFactor = state.PlateauFactor;
        _learningRateDrops.AddRange(state.LearningRateDrops ?? []);
        _history.AddRange(state.History);
        _context.Report("train", state.NextEpoch, _options.Epochs, $"{_name}: resumed from {dir} at epoch {state.NextEpoch + 1}");
        return (state.NextEpoch, state.BadEvaluations);
    }

    public void Dispose()
    {
        DisposeBest();
        foreach (var (optimizer, _, _) in _optimizers)
        {
            optimizer.Dispose();
        }

        _optimizers.Clear();
    }
}
