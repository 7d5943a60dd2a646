using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Networks;
using Chucheon.Neural.Ctr.Options;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Ctr;

public sealed class FwFmNetTests
{
    /// <summary>Rescaling every pair weight must not change the output: the interaction's scale belongs to the
    /// (regularised) embeddings, so the model cannot dodge embedding_l2 by growing the pair weights.</summary>
    [Fact]
    public void OutputIgnoresAGlobalScaleOfThePairWeightsButNotTheirRatios()
    {
        random.manual_seed(5);
        var layout = new CtrLayout(["a", "b", "c"], [4, 4, 4], [1, 1, 1]);
        using var net = new FwFmNet(layout, new CtrOptions { EmbeddingDim = 4 });
        using var indices = tensor(new long[] { 0, 4, 8, 1, 5, 9, 3, 7, 11 }).view(3, 3);
        using var values = ones(3, 3);
        var weights = net.named_parameters().Single(p => p.name.Contains("pair", StringComparison.OrdinalIgnoreCase)).parameter;
        using var before = net.forward(indices, values);
        using (no_grad()) { weights.mul_(3f); }
        using var scaled = net.forward(indices, values);
        Assert.True(allclose(before, scaled, rtol: 1e-5, atol: 1e-6));
        using (no_grad()) { weights[0].mul_(5f); }
        using var reweighted = net.forward(indices, values);
        Assert.False(allclose(before, reweighted, rtol: 1e-5, atol: 1e-6));
    }
}
