using Chucheon.Data.Continual;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>CONURE: after a task trains, the largest-magnitude share (<c>conure_keep</c>) of the backbone weights that
/// are still free becomes that task's and is frozen; the rest is pruned to zero, the kept weights are retrained
/// briefly, and the pruned ones are what the next task learns. Task i is scored with the weights of tasks ≤ i only,
/// so nothing learned later can change it.</summary>
/// <remarks>Yuan, He, Karatzoglou, Zhang, "One Person, One Model, One World: Learning Continual User Representation
/// without Forgetting", SIGIR 2021. Only matrices and convolution kernels are pruned; biases and layer norms belong to
/// the first task and stay frozen after it. The last task takes every free weight.</remarks>
public sealed class ConureLearner : ContinualLearner
{
    public const string Alias = "conure";

    /// <summary>Owner of a weight no task holds yet.</summary>
    private const float Free = float.MaxValue;

    private readonly Parameter[] _weights;
    private readonly Tensor[] _owners;
    private Tensor[] _trainable = [];
    private Tensor[] _frozenValues = [];

    public ConureLearner(TaskStream stream, ContinualModelOptions options, Device device) : base(stream, options, device)
    {
        _weights = [.. Backbone.parameters()];
        _owners = [.. _weights.Select(w => full_like(w, Free))];
    }

    public override string Name => "CONURE";

    protected override IEnumerable<Parameter> TrainableParameters(int task) =>
        task == 0 ? base.TrainableParameters(task) : _weights.Where(w => w.dim() >= 2).Concat(Heads[task].parameters());

    protected override void BeginTask(int task) => Freeze(task, retraining: false);

    /// <summary>Records what may change: free weights (and, in task 0, the biases and norms), or in retraining only
    /// the weights the task just kept.</summary>
    private void Freeze(int task, bool retraining)
    {
        DisposeAll(_trainable);
        DisposeAll(_frozenValues);
        using var noGrad = no_grad();
        _trainable = new Tensor[_weights.Length];
        _frozenValues = new Tensor[_weights.Length];
        for (var i = 0; i < _weights.Length; i++)
        {
            _frozenValues[i] = _weights[i].detach().clone();
            _trainable[i] = _weights[i].dim() < 2
                ? full_like(_weights[i], task == 0, dtype: ScalarType.Bool)
                : _owners[i].eq(retraining ? task : Free);
        }
    }

    protected override void AfterStep(int task)
    {
        using var noGrad = no_grad();
        for (var i = 0; i < _weights.Length; i++)
        {
            using var kept = where(_trainable[i], _weights[i], _frozenValues[i]);
            _weights[i].copy_(kept);
        }
    }

    protected override void EndTask(int task)
    {
        var last = task == Stream.Count - 1;
        using (no_grad())
        {
            for (var i = 0; i < _weights.Length; i++)
            {
                using var scope = NewDisposeScope();
                var free = _owners[i].eq(Free);
                if (_weights[i].dim() < 2)
                {
                    _owners[i].masked_fill_(free, task);
                    continue;
                }

                var count = free.sum().item<long>();
                if (count == 0) { continue; }
                if (last)
                {
                    _owners[i].masked_fill_(free, task);
                    continue;
                }

                var magnitudes = _weights[i].abs().masked_select(free);
                var keep = Math.Max(1L, (long)Math.Ceiling(Options.ConureKeep * count));
                var threshold = magnitudes.topk((int)keep).values.min();
                var kept = free.logical_and(_weights[i].abs().ge(threshold));
                _owners[i].masked_fill_(kept, task);
                _weights[i].masked_fill_(free.logical_and(kept.logical_not()), 0);
            }
        }

        if (!last && Options.ConureRetrainEpochs > 0)
        {
            Freeze(task, retraining: true);
            Fit(task, Options.ConureRetrainEpochs, _weights.Where(w => w.dim() >= 2).Concat(Heads[task].parameters()));
        }
    }

    /// <summary>Scores task <paramref name="task"/> with the weights of tasks ≤ task (and free ones, which are zero
    /// once a task has pruned, or the current task's own while it trains).</summary>
    protected override Tensor Outputs(int task, Tensor tokens) => WithWeightsOf(task, () => base.Outputs(task, tokens));

    protected override Tensor Representation(int task, Tensor tokens) => WithWeightsOf(task, () => base.Representation(task, tokens));

    private Tensor WithWeightsOf(int task, Func<Tensor> compute)
    {
        using var scope = NewDisposeScope();
        var saved = new Tensor[_weights.Length];
        using (no_grad())
        {
            for (var i = 0; i < _weights.Length; i++)
            {
                saved[i] = _weights[i].detach().clone();
                _weights[i].masked_fill_(_owners[i].gt(task).logical_and(_owners[i].ne(Free)), 0);
            }
        }

        try
        {
            return compute().MoveToOuterDisposeScope();
        }
        finally
        {
            using (no_grad())
            {
                for (var i = 0; i < _weights.Length; i++) { _weights[i].copy_(saved[i]); }
            }
        }
    }

    private static void DisposeAll(Tensor[] tensors)
    {
        foreach (var t in tensors) { t.Dispose(); }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAll(_owners);
            DisposeAll(_trainable);
            DisposeAll(_frozenValues);
        }

        base.Dispose(disposing);
    }
}
