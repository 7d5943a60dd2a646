using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>Task-specific soft masks on each backbone block's output: task t owns an embedding e_k^t per block k and
/// its mask is m_k^t = σ(s·e_k^t) (HAT), or, relation-aware (TERACON), σ(s·MLP_t([e_k^t ‖ tanh(s·e_k^j) ‖
/// tanh(−s·e_k^j) for j &lt; t])): the mask of a new task sees which units the earlier tasks use and which they leave
/// free, through one linear layer per task shared by the blocks.</summary>
/// <remarks>Kim, Yoon, Kang, Lee, Yu, "Task Relation-aware Continual User Representation Learning", KDD 2023;
/// Serrà, Surís, Miron, Karatzoglou, "Overcoming Catastrophic Forgetting with Hard Attention to the Task", ICML 2018.</remarks>
public sealed class TaskMasks : nn.Module
{
    private readonly ParameterList embeddings = new();
    private readonly ModuleList<Linear> relations = new();
    private readonly int _blocks;

    public TaskMasks(int taskCount, int blocks, int dim, bool relationAware) : base(nameof(TaskMasks))
    {
        _blocks = blocks;
        RelationAware = relationAware;
        for (var t = 0; t < taskCount; t++)
        {
            embeddings.Add(new Parameter(randn(blocks, dim) * 0.1));
            if (relationAware) { relations.Add(nn.Linear(dim * (1 + (2 * t)), dim)); }
        }

        RegisterComponents();
    }

    public bool RelationAware { get; }

    public int TaskCount => embeddings.Count;

    /// <summary>[blocks, D] masks of task <paramref name="task"/> at scale <paramref name="s"/>; earlier tasks'
    /// embeddings enter at <paramref name="sMax"/> and without gradient (they are settled).</summary>
    public Tensor Of(int task, double s, double sMax)
    {
        using var scope = NewDisposeScope();
        var own = embeddings[task];
        if (!RelationAware) { return sigmoid(own * s).MoveToOuterDisposeScope(); }

        var parts = new List<Tensor> { own };
        for (var j = 0; j < task; j++)
        {
            var earlier = embeddings[j].detach();
            parts.Add(tanh(earlier * sMax));
            parts.Add(tanh(earlier * -sMax));
        }

        var mixed = relations[task].forward(cat(parts, 1));
        return sigmoid(mixed * s).MoveToOuterDisposeScope();
    }

    /// <summary>The parameters that belong to task <paramref name="task"/> alone.</summary>
    public IEnumerable<Parameter> ParametersOf(int task)
    {
        yield return embeddings[task];
        if (RelationAware)
        {
            foreach (var p in relations[task].parameters()) { yield return p; }
        }
    }

    public int Blocks => _blocks;
}
