using Chucheon.Neural.Sequential;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Tests;

public sealed class FullSoftmaxCrossEntropyTests
{
    /// <summary>The hand-written chunked loss must agree with autograd's cross-entropy over the full logit matrix in
    /// value and in both gradients, including when the rows span several chunks and a target repeats.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(64)]
    public void MatchesAutogradCrossEntropy(int chunkRows)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        const int positions = 10;
        var hiddenData = randn(positions, 6) * 2;
        var tableData = randn(7, 6);
        var targets = tensor(new long[] { 0, 3, 6, 3, 2, 1, 3, 5, 4, 0 });

        var hiddenA = hiddenData.clone().requires_grad_(true);
        var tableA = tableData.clone().requires_grad_(true);
        var expected = F.cross_entropy(hiddenA.matmul(tableA.t()), targets);
        expected.backward();

        var hiddenB = hiddenData.clone().requires_grad_(true);
        var tableB = tableData.clone().requires_grad_(true);
        using var loss = new FullSoftmaxCrossEntropy(chunkRows);
        var actual = loss.Loss(hiddenB, tableB, targets);
        actual.backward();

        Assert.Equal(expected.item<float>(), actual.item<float>(), 4);
        Assert.True(hiddenA.grad!.allclose(hiddenB.grad!, rtol: 1e-4, atol: 1e-6));
        Assert.True(tableA.grad!.allclose(tableB.grad!, rtol: 1e-4, atol: 1e-6));
    }

    [Fact]
    public void GradientReachesATableViewAndTheBufferIsReused()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(11);
        var weight = randn(9, 4).requires_grad_(true);
        using var loss = new FullSoftmaxCrossEntropy(4);
        for (var call = 0; call < 2; call++)
        {
            var hidden = randn(5, 4);
            var value = loss.Loss(hidden, weight.narrow(0, 1, 7), tensor(new long[] { 0, 6, 2, 2, 1 }));
            value.backward();
            Assert.True(value.item<float>() > 0);
        }

        // Row 0 (padding) is outside the view, so it gets no gradient; every scored row does.
        Assert.Equal(0f, weight.grad![0].abs().sum().item<float>());
        Assert.True(weight.grad!.narrow(0, 1, 7).abs().sum(1).gt(0).all().item<bool>());
    }
}
