using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Continual;

/// <summary>PeterRec's model patches: for each task after the first and each block, a residual bottleneck
/// x + W_up·ReLU(W_down·x) on the block's output. W_up starts at zero, so a fresh patch is the identity and the task
/// begins from the frozen backbone's representation.</summary>
/// <remarks>Yuan, He, Jiang, Guo, Yu, Zhang, "Parameter-Efficient Transfer from Sequential Behaviors for User Modeling
/// and Recommendation", SIGIR 2020.</remarks>
public sealed class ModelPatches : nn.Module, ITaskParameters
{
    private readonly ModuleList<Linear> layers = new();
    private readonly int _blocks;

    public ModelPatches(int taskCount, int blocks, int dim, int patchDim) : base(nameof(ModelPatches))
    {
        _blocks = blocks;
        for (var i = 0; i < taskCount * blocks; i++)
        {
            var up = nn.Linear(patchDim, dim);
            using (no_grad())
            {
                up.weight!.zero_();
                up.bias!.zero_();
            }

            layers.Add(nn.Linear(dim, patchDim));
            layers.Add(up);
        }

        RegisterComponents();
    }

    public Tensor Apply(int task, int block, Tensor x)
    {
        var index = 2 * ((task * _blocks) + block);
        return x + layers[index + 1].forward(F.relu(layers[index].forward(x)));
    }

    public IEnumerable<Parameter> ParametersOf(int task) =>
        Enumerable.Range(2 * task * _blocks, 2 * _blocks).SelectMany(i => layers[i].parameters());
}
