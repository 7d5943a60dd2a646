using Chucheon.Data.Continual;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>HAT on the shared backbone: a hard-attention mask σ(s·e_k^t) on every block's output per task (s annealed
/// to s_max), a sparsity regulariser that keeps each task's mask small where earlier tasks left units free, and
/// gradient gating: a weight's update is scaled by 1 − min(a_out, a_in) of the cumulative earlier masks, so units the
/// earlier tasks rely on stop moving.</summary>
/// <remarks>Serrà et al., ICML 2018. Masks sit at block granularity (the intermediate convolution inside a residual
/// block is gated by its block's output mask), and the item embedding is gated by the first block's mask because it
/// reaches that output through the residual connection.</remarks>
public sealed class HatLearner : ContinualLearner
{
    public const string Alias = "hat";

    private readonly TaskMasks masks;
    private Tensor? _cumulative;

    public HatLearner(TaskStream stream, ContinualModelOptions options, Device device) : base(stream, options, device)
    {
        masks = new TaskMasks(stream.Count, Backbone.BlockCount, options.Dim, relationAware: false);
        masks.to(device);
    }

    public override string Name => "HAT";

    protected override IEnumerable<nn.Module> Modules() => base.Modules().Append(masks);

    protected override IEnumerable<Parameter> TrainableParameters(int task) => base.TrainableParameters(task).Concat(masks.ParametersOf(task));

    protected override Tensor Encode(int task, Tensor tokens, double s)
    {
        using var scope = NewDisposeScope();
        var m = masks.Of(task, s, Options.SMax);
        return Backbone.Encode(tokens, (k, x) => x * m[k]).MoveToOuterDisposeScope();
    }

    protected override Tensor Loss(int task, int[] users, Tensor tokens, double s)
    {
        using var scope = NewDisposeScope();
        var loss = base.Loss(task, users, tokens, s);
        var m = masks.Of(task, s, Options.SMax);
        var free = _cumulative is null ? ones_like(m) : 1 - _cumulative;
        var sparsity = (m * free).sum() / free.sum().clamp_min(1e-8);
        return (loss + (sparsity * Options.HatSparsity)).MoveToOuterDisposeScope();
    }

    protected override void BeforeStep(int task)
    {
        if (_cumulative is null) { return; }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var k = 0; k < Backbone.BlockCount; k++)
        {
            var output = _cumulative[k];
            var input = k == 0 ? ones_like(output) : _cumulative[k - 1];
            foreach (var p in Backbone.Block(k).parameters())
            {
                if (p.grad is not { } grad) { continue; }
                if (p.dim() == 3)
                {
                    grad.mul_(1 - minimum(output.view(-1, 1, 1), input.view(1, -1, 1)));
                }
                else
                {
                    grad.mul_(1 - output);
                }
            }
        }

        if (Backbone.Items.weight!.grad is { } embeddingGrad) { embeddingGrad.mul_(1 - _cumulative[0].view(1, -1)); }
    }

    protected override void EndTask(int task)
    {
        using var noGrad = no_grad();
        var mask = masks.Of(task, Options.SMax, Options.SMax);
        var next = _cumulative is null ? mask : maximum(_cumulative, mask);
        if (!ReferenceEquals(next, mask)) { mask.Dispose(); }
        _cumulative?.Dispose();
        _cumulative = next;
        foreach (var p in masks.ParametersOf(task)) { p.requires_grad_(false); }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _cumulative?.Dispose(); }
        base.Dispose(disposing);
    }
}
