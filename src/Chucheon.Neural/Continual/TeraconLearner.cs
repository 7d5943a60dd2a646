using System.Globalization;
using Chucheon.Data.Continual;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Continual;

/// <summary>TERACON: relation-aware task-specific masks on every block's output, plus knowledge retention — before task
/// i trains, the current model's outputs for task i's training users under each earlier task j's mask and head are
/// frozen as pseudo-labels, and α·MSE to them (or a softmax KL, <see cref="ContinualModelOptions.TeraconRetention"/>)
/// joins the loss (optionally also to the masked encoding at every position,
/// <see cref="ContinualModelOptions.TeraconStateRetention"/>). Retention for task j only uses a sample of the users,
/// at rate ρ_ij = 1 − mean_k σ(c·cos(m_k^i, m_k^j)) (similar tasks need less protection), weighted by ρ_ij / Σρ.</summary>
/// <remarks>Kim, Yoon, Kang, Lee, Yu, "Task Relation-aware Continual User Representation Learning", KDD 2023.
/// Freezing a copy of the model and asking it for pseudo-labels gives exactly the outputs computed here before the
/// task trains, so the copy is never materialised. ρ is recomputed each epoch from the current masks.</remarks>
public sealed class TeraconLearner : ContinualLearner
{
    public const string Alias = "teracon";

    /// <summary>The same method with every user in every retention term (ρ = 1): the reference for the sampling saving.</summary>
    public const string FullRetentionAlias = "teracon-full";

    private readonly TaskMasks masks;
    private readonly bool _sampling;
    private readonly bool _branchMasks;
    private readonly List<Tensor> _pseudoLabels = [];
    private readonly List<Tensor> _pseudoStates = [];
    private readonly Dictionary<int, int> _rowOfUser = [];
    private bool[][] _sampled = [];
    private double[] _weights = [];

    public TeraconLearner(TaskStream stream, ContinualModelOptions options, Device device, bool relationSampling)
        : base(stream, options, device)
    {
        _sampling = relationSampling;
        _branchMasks = options.TeraconMasks == TeraconMaskPlacement.Branch;
        masks = new TaskMasks(stream.Count, Backbone.BlockCount * (_branchMasks ? 2 : 1), options.Dim, relationAware: true);
        masks.to(device);
    }

    public override string Name => _sampling ? "TERACON" : "TERACON (ρ=1)";

    /// <summary>Rows that went through a retention forward pass, summed over the run (the sampling's saving).</summary>
    public long RetentionRows { get; private set; }

    protected override IEnumerable<nn.Module> Modules() => base.Modules().Append(masks);

    protected override IEnumerable<Parameter> TrainableParameters(int task) =>
        Backbone.parameters().Concat(Enumerable.Range(0, task + 1).SelectMany(j => Heads[j].parameters())).Concat(masks.ParametersOf(task));

    protected override double LearningRateOf(int task) =>
        task > 0 && Options.TeraconLaterLearningRate > 0 ? Options.TeraconLaterLearningRate : Options.LearningRate;

    protected override Tensor Encode(int task, Tensor tokens, double s)
    {
        using var scope = NewDisposeScope();
        var m = masks.Of(task, s, Options.SMax);
        var encoded = _branchMasks
            ? Backbone.Encode(tokens, afterActivation: (k, layer, h) => h * m[(2 * k) + layer])
            : Backbone.Encode(tokens, (k, x) => x * m[k]);
        return encoded.MoveToOuterDisposeScope();
    }

    protected override void BeginTask(int task)
    {
        for (var j = 0; j < task; j++)
        {
            foreach (var p in masks.ParametersOf(j)) { p.requires_grad_(false); }
        }

        DisposeTargets();
        _rowOfUser.Clear();
        var users = Stream.Tasks[task].UsersIn(TaskPart.Train);
        for (var r = 0; r < users.Length; r++) { _rowOfUser[users[r]] = r; }
        SetTraining(false);
        using var noGrad = no_grad();
        var keepStates = Options.TeraconStateRetention > 0;
        for (var j = 0; j < task; j++)
        {
            var outputs = new List<Tensor>();
            var states = new List<Tensor>();
            for (var start = 0; start < users.Length; start += 256)
            {
                var batch = users[start..Math.Min(users.Length, start + 256)];
                using var tokens = Tokens.Of(batch);
                using var encoded = Encode(j, tokens, Options.SMax);
                outputs.Add(TaskObjective.Outputs(encoded, Heads[j]));
                if (keepStates) { states.Add(encoded.clone()); }
            }

            _pseudoLabels.Add(cat(outputs, 0));
            if (keepStates) { _pseudoStates.Add(cat(states, 0)); }
            foreach (var c in outputs.Concat(states)) { c.Dispose(); }
        }
    }

    protected override void BeginEpoch(int task, Random random)
    {
        var users = Stream.Tasks[task].UsersIn(TaskPart.Train).Length;
        var rates = new double[task];
        using (no_grad())
        {
            using var scope = NewDisposeScope();
            var current = masks.Of(task, Options.SMax, Options.SMax);
            for (var j = 0; j < task; j++)
            {
                var cosine = F.cosine_similarity(current, masks.Of(j, Options.SMax, Options.SMax), 1);
                rates[j] = _sampling ? 1 - sigmoid(cosine * Options.SamplingSharpness).mean().item<float>() : 1.0;
            }
        }

        var total = rates.Sum();
        _weights = [.. rates.Select(r => r / total)];
        _sampled = new bool[task][];
        for (var j = 0; j < task; j++)
        {
            var order = Enumerable.Range(0, users).ToArray();
            random.Shuffle(order);
            var take = Math.Max(1, (int)Math.Round(rates[j] * users));
            _sampled[j] = new bool[users];
            foreach (var r in order[..take]) { _sampled[j][r] = true; }
        }

        if (task > 0)
        {
            Log?.Invoke($"{Name}: {Stream.Tasks[task].Name} retention rates " + string.Join(", ",
                rates.Select((r, j) => string.Create(CultureInfo.InvariantCulture, $"{Stream.Tasks[j].Name} {r:F3}"))));
        }
    }

    protected override Tensor Loss(int task, int[] users, Tensor tokens, double s)
    {
        using var scope = NewDisposeScope();
        var loss = base.Loss(task, users, tokens, s);
        for (var j = 0; j < task; j++)
        {
            var rows = new List<long>();
            var positions = new List<long>();
            for (var b = 0; b < users.Length; b++)
            {
                var row = _rowOfUser[users[b]];
                if (_sampled[j][row]) { rows.Add(row); positions.Add(b); }
            }

            if (rows.Count == 0) { continue; }
            RetentionRows += rows.Count;
            var subset = tokens.index_select(0, tensor(positions.ToArray(), ScalarType.Int64, Device));
            var rowIndex = tensor(rows.ToArray(), ScalarType.Int64, Device);
            var targets = _pseudoLabels[j].index_select(0, rowIndex);
            var encoded = Encode(j, subset, Options.SMax);
            var outputs = TaskObjective.Outputs(encoded, Heads[j]);
            var retained = RetentionLoss.Of(Options.TeraconRetention, outputs, targets, Options.TeraconRetentionTemperature);
            loss = loss + (retained * (Options.Alpha * _weights[j]));
            if (Options.TeraconStateRetention > 0)
            {
                var held = StateRetention.Loss(encoded, _pseudoStates[j].index_select(0, rowIndex), subset);
                loss = loss + (held * (Options.TeraconStateRetention * Options.Alpha * _weights[j]));
            }
        }

        return loss.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { DisposeTargets(); }

        base.Dispose(disposing);
    }

    private void DisposeTargets()
    {
        foreach (var t in _pseudoLabels.Concat(_pseudoStates)) { t.Dispose(); }
        _pseudoLabels.Clear();
        _pseudoStates.Clear();
    }
}
