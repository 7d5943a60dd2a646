using Chucheon.Configuration;
using Chucheon.Data.Ctr;
using Chucheon.Models;
using Chucheon.Neural.Ctr;
using Chucheon.Neural.Ctr.Layers;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Ctr;

/// <summary><c>linear_l2</c>: an L2 penalty on the first-order weights (the bias excluded).</summary>
public sealed class LinearPenaltyTests
{
    private static readonly CtrDataset Train = CtrSynthetic.Make(3000, seed: 1);

    [Fact]
    public void PenaltyIsTheSquaredWeightsOfTheTableOrOfTheBatchsRows()
    {
        using var term = new LinearTerm(new CtrLayout(["a", "b"], [3, 2], [1, 1]));
        using (no_grad())
        {
            // Feature weights 1..5 and a bias of 10, which must not count.
            term.parameters().Single(p => p.shape.Length == 2).copy_(tensor(new float[] { 1, 2, 3, 4, 5 }, [5, 1]));
            term.parameters().Single(p => p.shape.Length == 1).fill_(10);
        }

        // Two examples: features (0, 3) and (2, 4).
        using var indices = tensor(new long[] { 0, 3, 2, 4 }, [2, 2]);
        using var table = term.Penalty(indices, EmbeddingRegularization.Table);
        using var batch = term.Penalty(indices, EmbeddingRegularization.Batch);

        Assert.Equal(1 + 4 + 9 + 16 + 25, table.item<float>(), 4);
        Assert.Equal(((1 + 16) + (9 + 25)) / 2.0, batch.item<float>(), 4);
    }

    [Theory]
    [InlineData("deepfm")]
    [InlineData("xdeepfm")]
    public void PenaltyShrinksTheFirstOrderWeights(string alias)
    {
        var free = FirstOrderNorm(alias, 0);
        var penalised = FirstOrderNorm(alias, 0.1);

        Assert.True(penalised < 0.5 * free, $"{alias}: |w| {penalised:F4} with linear_l2 0.1 vs {free:F4} without");
    }

    [Fact]
    public void ModelsWithoutAFirstOrderTermRejectIt()
    {
        using var model = CtrModels.Create("dcnv2", Options("dcnv2", 0.1));
        var error = Assert.Throws<ArgumentException>(() => model.Fit(Train, null, new FitContext { Seed = 5, Threads = 1 }));
        Assert.Contains("linear_l2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeValuesAreRejected()
    {
        var bad = Assert.Throws<OptionsException>(() => CtrModels.Create("deepfm", Options("deepfm", -0.1)));
        Assert.Equal("model.linear_l2", bad.Key);
    }

    private static Dictionary<string, object?> Options(string alias, double linearL2)
    {
        var options = new Dictionary<string, object?>
        {
            ["embedding_dim"] = "4", ["epochs"] = "3", ["batch_size"] = "256", ["learning_rate"] = "0.01", ["patience"] = "0",
            ["threads"] = "1", ["mlp_dims"] = "16", ["embedding_regularization"] = "table",
            ["linear_l2"] = linearL2.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (alias == "xdeepfm") { options["cin_dims"] = "4"; }
        return options;
    }

    private static double FirstOrderNorm(string alias, double linearL2)
    {
        using var model = CtrModels.Create(alias, Options(alias, linearL2));
        model.Fit(Train, null, new FitContext { Seed = 5, Threads = 1 });
        using var weights = model.Network.FirstOrder!.parameters().Single(p => p.shape.Length == 2);
        using var norm = weights.norm();
        return norm.item<float>();
    }
}
