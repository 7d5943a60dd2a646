using Chucheon.Neural.Ctr.Layers;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Ctr;

public sealed class CtrLayerTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(1e-4)]
    public void EmbeddingsStartWithTheConfiguredSpread(double std)
    {
        random.manual_seed(4);
        using var embedding = new FieldEmbedding(new Chucheon.Data.Ctr.CtrLayout(["a", "b"], [600, 400], [1, 1]), 16, std);
        using var weights = embedding.parameters().Single();
        var measured = weights.std().item<float>();
        Assert.InRange(measured, 0.95 * std, 1.05 * std);
    }

    [Fact]
    public void FmSecondOrderTermEqualsThePairwiseSum()
    {
        random.manual_seed(3);
        using var fields = randn(4, 5, 3);
        using var fast = FmInteraction.Scalar(fields);
        var data = fields.data<float>().ToArray();
        for (var b = 0; b < 4; b++)
        {
            double expected = 0;
            for (var i = 0; i < 5; i++)
            {
                for (var j = i + 1; j < 5; j++)
                {
                    for (var d = 0; d < 3; d++) { expected += data[(b * 15) + (i * 3) + d] * data[(b * 15) + (j * 3) + d]; }
                }
            }

            Assert.Equal(expected, fast[b].item<float>(), 4);
        }
    }

    [Fact]
    public void FieldAwareTermPairsEachFieldsVectorTowardsTheOther()
    {
        random.manual_seed(4);
        const int F = 3, D = 2;
        using var fieldAware = randn(2, F, F * D);
        using var fast = new FieldAwareInteraction(F).Scalar(fieldAware);
        var v = fieldAware.data<float>().ToArray();
        float At(int b, int i, int j, int d) => v[(b * F * F * D) + (i * F * D) + (j * D) + d];
        for (var b = 0; b < 2; b++)
        {
            double expected = 0;
            for (var i = 0; i < F; i++)
            {
                for (var j = i + 1; j < F; j++)
                {
                    for (var d = 0; d < D; d++) { expected += At(b, i, j, d) * At(b, j, i, d); }
                }
            }

            Assert.Equal(expected, fast[b].item<float>(), 4);
        }
    }

    [Fact]
    public void FieldPairsEnumerateEachUnorderedPairOnce()
    {
        var pairs = new FieldPairs(4);
        Assert.Equal(6, pairs.Count);
        Assert.Equal([0L, 0, 0, 1, 1, 2], pairs.Left);
        Assert.Equal([1L, 2, 3, 2, 3, 3], pairs.Right);
    }
}
