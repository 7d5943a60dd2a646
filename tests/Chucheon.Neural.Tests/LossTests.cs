using Chucheon.Neural.Training;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests;

public sealed class LossTests
{
    private static readonly float[] Logits = [0.5f, -1.0f, 2.0f, 0.0f, 1.5f, 0.3f, -0.7f, 0.2f, -2.0f, 0.0f, 1.0f, 3.0f];
    private static readonly float[] Input = [1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1];

    [Fact]
    public void MultinomialLikelihoodMatchesHandComputation()
    {
        // -1/3 Σ_u Σ_i x_ui (l_ui - log Σ_j exp l_uj), written out longhand.
        double expected = 0;
        for (var u = 0; u < 3; u++)
        {
            var logSumExp = Math.Log(Enumerable.Range(0, 4).Sum(j => Math.Exp(Logits[(u * 4) + j])));
            for (var i = 0; i < 4; i++)
            {
                expected -= Input[(u * 4) + i] * (Logits[(u * 4) + i] - logSumExp);
            }
        }

        expected /= 3;
        using var logits = tensor(Logits, [3, 4]);
        using var input = tensor(Input, [3, 4]);
        using var loss = Losses.MultinomialLogLikelihood(logits, input);
        Assert.Equal(expected, loss.item<float>(), 5);
        // Row 0 alone: logits (0.5, -1, 2, 0), items 0 and 2 → -(0.5 + 2 - 2·log(e^0.5 + e^-1 + e^2 + 1)) = 2.18470...
        using var row0 = Losses.MultinomialLogLikelihood(logits.narrow(0, 0, 1), input.narrow(0, 0, 1));
        Assert.Equal(2.18470, row0.item<float>(), 4);
    }

    [Fact]
    public void GaussianKlMatchesHandComputation()
    {
        float[] mu = [0.1f, -0.4f, 1.2f, 0.0f, -0.3f, 0.8f];
        float[] logVariance = [0.0f, -0.5f, 0.3f, -1.0f, 0.2f, 0.1f];
        double expected = 0;
        for (var r = 0; r < 3; r++)
        {
            for (var d = 0; d < 2; d++)
            {
                var m = mu[(r * 2) + d];
                var lv = logVariance[(r * 2) + d];
                expected += -0.5 * (1 + lv - (m * m) - Math.Exp(lv));
            }
        }

        expected /= 3;
        using var muT = tensor(mu, [3, 2]);
        using var lvT = tensor(logVariance, [3, 2]);
        using var kl = Losses.GaussianKl(muT, lvT);
        Assert.Equal(expected, kl.item<float>(), 5);
        using var zeroMu = zeros(3, 2);
        using var zeroLv = zeros(3, 2);
        using var none = Losses.GaussianKl(zeroMu, zeroLv);
        Assert.Equal(0, none.item<float>(), 6);
    }

    [Fact]
    public void PairwiseLossesMatchTheirDefinitions()
    {
        using var pos = tensor(new float[] { 2f, 0f });
        using var neg = tensor(new float[] { 1f, 1f, 0f, 3f }, [2, 2]);
        using var bpr = Losses.Bpr(pos, neg);
        var expected = new[] { 1.0, 1.0, 0.0, -3.0 }.Average(d => Math.Log(1 + Math.Exp(-d)));
        Assert.Equal(expected, bpr.item<float>(), 5);

        using var weights = tensor(new float[] { 1f, 0f, 1f, 0f }, [2, 2]);
        using var weighted = Losses.Bpr(pos, neg, weights);
        Assert.Equal((Math.Log(1 + Math.Exp(-1.0)) + Math.Log(2)) / 4, weighted.item<float>(), 5);

        using var logits = tensor(new float[] { 0.3f, -1.2f });
        using var labels = tensor(new float[] { 1f, 0f });
        using var bce = Losses.Bce(logits, labels);
        Assert.Equal((Math.Log(1 + Math.Exp(-0.3)) + Math.Log(1 + Math.Exp(-1.2))) / 2, bce.item<float>(), 5);

        using var sampled = Losses.SampledSoftmaxCrossEntropy(pos, neg);
        var row0 = -(2 - Math.Log(Math.Exp(2) + Math.Exp(1) + Math.Exp(1)));
        var row1 = -(0 - Math.Log(Math.Exp(0) + Math.Exp(0) + Math.Exp(3)));
        Assert.Equal((row0 + row1) / 2, sampled.item<float>(), 5);

        using var full = tensor(new float[] { 2f, 1f, 1f, 0f, 0f, 3f }, [2, 3]);
        using var targets = tensor(new long[] { 0, 0 });
        using var softmax = Losses.SoftmaxCrossEntropy(full, targets);
        Assert.Equal((row0 + row1) / 2, softmax.item<float>(), 5);

        using var mse = Losses.Mse(pos, tensor(new float[] { 1f, 1f }));
        Assert.Equal(1.0, mse.item<float>(), 6);
    }
}
