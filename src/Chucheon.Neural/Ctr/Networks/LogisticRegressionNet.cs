using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>lr</c>: logistic regression on one-hot features, the first-order baseline.</summary>
public sealed class LogisticRegressionNet : CtrNetwork
{
    private readonly LinearTerm linear;

    public LogisticRegressionNet(CtrLayout layout) : base("lr")
    {
        linear = new LinearTerm(layout);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values) => linear.forward(indices, values);

    public override LinearTerm FirstOrder => linear;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => zeros(1, device: indices.device).squeeze();
}
