using System.Diagnostics;
using System.Globalization;
using Chucheon.Data.Continual;
using Chucheon.Evaluation.Continual;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>The continual protocol on the shared backbone: train task 0, 1, ... in stream order (each on its train
/// users, keeping the epoch with the best validation score), and after each task fill one row of the performance
/// matrix on the test users. A method overrides the hooks: what it trains, how it encodes for a task, what it adds to
/// the loss, and what it does before and after a task or an optimiser step.</summary>
public abstract class ContinualLearner : IContinualTaskScorer, IDisposable
{
    private bool _disposed;
    private PerformanceMatrix? _validMatrix;

    protected ContinualLearner(TaskStream stream, ContinualModelOptions options, Device device)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Stream = stream;
        Options = options;
        Device = device;
        random.manual_seed(options.Seed);
        Tokens = new SequenceTable(stream.Sequences, options.MaxLength, device);
        Backbone = new ContinualBackbone(stream.Sequences.ItemCount, options);
        Heads = new TaskHeads(stream, options.Dim);
        Backbone.to(device);
        Heads.to(device);
    }

    /// <summary>The method's name in reports.</summary>
    public abstract string Name { get; }

    protected TaskStream Stream { get; }

    protected ContinualModelOptions Options { get; }

    protected Device Device { get; }

    protected SequenceTable Tokens { get; }

    protected ContinualBackbone Backbone { get; }

    protected TaskHeads Heads { get; }

    /// <summary>Where progress lines go (epoch losses, validation scores); null = silent.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Seconds spent in optimisation steps (not evaluation), summed over the run.</summary>
    public double TrainSeconds { get; private set; }

    /// <summary>Trains through the stream and returns R(T_j, T_i) on the test users (the same matrix on the
    /// validation users is in <see cref="ValidMatrix"/>).</summary>
    public virtual PerformanceMatrix Run()
    {
        var matrix = StreamEvaluator.NewMatrix(Stream);
        for (var j = 0; j < Stream.Count; j++)
        {
            TrainTask(j);
            EvaluateRow(j, matrix);
        }

        return matrix;
    }

    /// <summary>R(T_j, T_i) on the validation users, filled beside the test matrix: hyperparameters that change
    /// forgetting (α, c, epochs) are chosen on its backward transfer, never on the test users'.</summary>
    public PerformanceMatrix ValidMatrix => _validMatrix ??= StreamEvaluator.NewMatrix(Stream);

    /// <summary>Every metric (MRR@5, HR@5, HR@20, accuracy) of each task after the last task trained.</summary>
    public IReadOnlyList<TaskScore> FinalScores { get; protected set; } = [];

    protected void EvaluateRow(int afterTask, PerformanceMatrix matrix)
    {
        SetTraining(false);
        using (no_grad())
        {
            var scores = StreamEvaluator.FillRow(Stream, afterTask, this, matrix);
            FinalScores = scores;
            if (Stream.Tasks.Take(afterTask + 1).All(t => t.UsersIn(TaskPart.Valid).Length > 0))
            {
                StreamEvaluator.FillRow(Stream, afterTask, this, ValidMatrix, TaskPart.Valid);
            }

            Log?.Invoke($"{Name}: after {Stream.Tasks[afterTask].Name}: " + string.Join(", ",
                scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Task} {s.PrimaryName} {s.Primary:F4}"))));
        }
    }

    /// <summary>Every module whose parameters belong to the method (for the best-epoch snapshot).</summary>
    protected virtual IEnumerable<nn.Module> Modules()
    {
        yield return Backbone;
        yield return Heads;
    }

    /// <summary>Parameters the optimiser updates while task <paramref name="task"/> trains.</summary>
    protected virtual IEnumerable<Parameter> TrainableParameters(int task) => Backbone.parameters().Concat(Heads[task].parameters());

    /// <summary>[B, T] tokens → [B, T, D] as task <paramref name="task"/> sees them at mask scale <paramref name="s"/>.</summary>
    protected virtual Tensor Encode(int task, Tensor tokens, double s) => Backbone.Encode(tokens);

    /// <summary>The task's own loss; methods add regularisers by overriding.</summary>
    protected virtual Tensor Loss(int task, int[] users, Tensor tokens, double s) =>
        TaskObjective.Loss(Stream.Tasks[task], users, Encode(task, tokens, s), tokens, Heads[task]);

    /// <summary>[B, labels] scores of task <paramref name="task"/> (evaluation and pseudo-labels).</summary>
    protected virtual Tensor Outputs(int task, Tensor tokens) => TaskObjective.Outputs(Encode(task, tokens, Options.SMax), Heads[task]);

    /// <summary>[B, D] user representations as task <paramref name="task"/> sees them (last position of its encoding).</summary>
    protected virtual Tensor Representation(int task, Tensor tokens) => Encode(task, tokens, Options.SMax).select(1, -1);

    /// <summary>[stream users, D] representation of every user under task <paramref name="task"/>'s view (no gradient).</summary>
    public Tensor UserRepresentations(int task)
    {
        SetTraining(false);
        using var noGrad = no_grad();
        var chunks = new List<Tensor>();
        var users = Stream.Sequences.UserCount;
        for (var start = 0; start < users; start += 256)
        {
            var batch = Enumerable.Range(start, Math.Min(256, users - start)).ToArray();
            using var tokens = Tokens.Of(batch);
            chunks.Add(Representation(task, tokens));
        }

        var all = cat(chunks, 0).to(CPU);
        foreach (var c in chunks) { c.Dispose(); }
        return all;
    }

    /// <summary>Adam's learning rate while task <paramref name="task"/> trains (a method may slow later tasks down).</summary>
    protected virtual double LearningRateOf(int task) => Options.LearningRate;

    protected virtual void BeginTask(int task) { }

    protected virtual void EndTask(int task) { }

    protected virtual void BeginEpoch(int task, Random random) { }

    /// <summary>Between backward and the optimiser step (gradient gating).</summary>
    protected virtual void BeforeStep(int task) { }

    /// <summary>After the optimiser step (restoring frozen weights).</summary>
    protected virtual void AfterStep(int task) { }

    protected void TrainTask(int task)
    {
        BeginTask(task);
        Fit(task, Options.Epochs, TrainableParameters(task));
        EndTask(task);
    }

    /// <summary>Trains task <paramref name="task"/> for <paramref name="epochs"/> epochs and keeps the parameters of
    /// the epoch with the best validation score (the last epoch when the task has no validation users).</summary>
    protected void Fit(int task, int epochs, IEnumerable<Parameter> parameters)
    {
        var trainable = parameters.Where(p => p.requires_grad).Distinct().ToArray();
        using var optimizer = optim.Adam(trainable, LearningRateOf(task));
        var current = Stream.Tasks[task];
        var users = current.UsersIn(TaskPart.Train);
        var hasValid = current.UsersIn(TaskPart.Valid).Length > 0;
        var best = double.NegativeInfinity;
        Tensor[]? bestState = null;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var seed = EpochSeed(task, epoch);
            random.manual_seed(seed);
            var rng = new Random(seed);
            SetTraining(true);
            BeginEpoch(task, rng);
            var order = (int[])users.Clone();
            rng.Shuffle(order);
            var batches = (order.Length + Options.BatchSize - 1) / Options.BatchSize;
            var lossSum = 0.0;
            var watch = Stopwatch.StartNew();
            for (var b = 0; b < batches; b++)
            {
                var batch = order[(b * Options.BatchSize)..Math.Min(order.Length, (b + 1) * Options.BatchSize)];
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = Loss(task, batch, Tokens.Of(batch), AnnealedScale(b, batches));
                loss.backward();
                BeforeStep(task);
                optimizer.step();
                AfterStep(task);
                lossSum += loss.item<float>();
            }

            TrainSeconds += watch.Elapsed.TotalSeconds;
            SetTraining(false);
            var valid = double.NaN;
            if (hasValid)
            {
                using (no_grad()) { valid = ContinualTaskEvaluator.Evaluate(current, this, TaskPart.Valid).Primary; }
            }

            Log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {current.Name} epoch {epoch + 1}/{epochs} loss {lossSum / Math.Max(1, batches):F4} valid {valid:F4} {watch.Elapsed.TotalSeconds:F1} s"));
            if (!hasValid || valid > best || bestState is null)
            {
                best = hasValid ? valid : best;
                DisposeAll(bestState);
                bestState = Snapshot();
            }
        }

        Restore(bestState!);
        DisposeAll(bestState);
    }

    /// <summary>HAT's schedule: s grows linearly from 1/s_max to s_max over the batches of an epoch.</summary>
    protected double AnnealedScale(int batch, int batches)
    {
        var sMax = Options.SMax;
        return batches <= 1 ? sMax : (1 / sMax) + ((sMax - (1 / sMax)) * batch / (batches - 1));
    }

    protected int EpochSeed(int task, int epoch) => unchecked((Options.Seed * 1_000_003) + (task * 65_537) + (epoch * 7_919) + 17) & int.MaxValue;

    protected void SetTraining(bool training)
    {
        foreach (var module in Modules()) { module.train(training); }
    }

    public void Score(ContinualTask task, ReadOnlySpan<int> users, Span<float> scores)
    {
        var index = IndexOf(task);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var outputs = Outputs(index, Tokens.Of(users)).to(CPU).contiguous();
        outputs.data<float>().CopyTo(scores);
    }

    protected int IndexOf(ContinualTask task)
    {
        for (var i = 0; i < Stream.Count; i++)
        {
            if (ReferenceEquals(Stream.Tasks[i], task) || Stream.Tasks[i].Name == task.Name) { return i; }
        }

        throw new ArgumentException($"Task '{task.Name}' is not in the stream ({string.Join(", ", Stream.TaskNames)}).", nameof(task));
    }

    private Tensor[] Snapshot()
    {
        using var noGrad = no_grad();
        return [.. Modules().SelectMany(m => m.parameters()).Select(p => p.detach().clone())];
    }

    private void Restore(Tensor[] state)
    {
        using var noGrad = no_grad();
        var parameters = Modules().SelectMany(m => m.parameters()).ToArray();
        for (var i = 0; i < parameters.Length; i++) { parameters[i].copy_(state[i]); }
    }

    private static void DisposeAll(Tensor[]? tensors)
    {
        if (tensors is null) { return; }
        foreach (var t in tensors) { t.Dispose(); }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed) { return; }
        _disposed = true;
        if (disposing)
        {
            foreach (var module in Modules()) { module.Dispose(); }
            Tokens.Dispose();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
