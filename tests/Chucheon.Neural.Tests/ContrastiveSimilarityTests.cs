using Chucheon.Configuration;
using Chucheon.Neural.Sequential;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests;

/// <summary>Issue 5: InfoNCE compares views by cosine similarity by default (as the public CoSeRec code), which keeps
/// the contrastive gradient from swamping the next-item loss; dot product stays available.</summary>
public sealed class ContrastiveSimilarityTests
{
    private static (Tensor A, Tensor B) Views()
    {
        random.manual_seed(11);
        return (randn(6, 5), randn(6, 5));
    }

    [Fact]
    public void CosineInfoNceIgnoresTheLengthOfEveryRow()
    {
        using var scope = NewDisposeScope();
        var (a, b) = Views();
        var scaleA = rand(6, 1) * 10 + 0.1;
        var scaleB = rand(6, 1) * 10 + 0.1;
        var plain = InfoNce.Loss(a, b, 0.5, ContrastiveSimilarity.Cosine).item<float>();
        var scaled = InfoNce.Loss(a * scaleA, b * scaleB, 0.5, ContrastiveSimilarity.Cosine).item<float>();
        Assert.Equal(plain, scaled, 4);
        var dot = InfoNce.Loss(a * scaleA, b * scaleB, 0.5, ContrastiveSimilarity.Dot).item<float>();
        Assert.True(Math.Abs(dot - plain) > 0.1, $"dot {dot} vs cosine {plain}");
    }

    [Fact]
    public void CosineIsTheDotProductOfUnitRows()
    {
        using var scope = NewDisposeScope();
        var (a, b) = Views();
        var unitA = a / a.norm(1, keepdim: true);
        var unitB = b / b.norm(1, keepdim: true);
        Assert.Equal(InfoNce.Loss(unitA, unitB, 0.2, ContrastiveSimilarity.Dot).item<float>(),
            InfoNce.Loss(a, b, 0.2, ContrastiveSimilarity.Cosine).item<float>(), 4);
    }

    [Fact]
    public void CosineLogitsStayWithinOneOverTemperature()
    {
        using var scope = NewDisposeScope();
        var (a, b) = Views();
        // Every logit lies in [-1/τ, 1/τ], so each anchor's loss lies in [log(2B-1) - 2/τ, log(2B-1) + 2/τ] whatever the scale of the rows.
        var loss = InfoNce.Loss(a * 1000, b * 1000, 1.0, ContrastiveSimilarity.Cosine).item<float>();
        var uniform = Math.Log(11);
        Assert.InRange(loss, uniform - 2, uniform + 2);
        Assert.True(InfoNce.Loss(a * 1000, b * 1000, 1.0, ContrastiveSimilarity.Dot).item<float>() > 100);
    }

    [Fact]
    public void SimilarityBindsFromConfigurationAndDefaultsToCosine()
    {
        Assert.Equal(ContrastiveSimilarity.Cosine, new Cl4SRecOptions().ContrastiveSimilarity);
        var options = OptionsBinder.Bind<Cl4SRecOptions>(new Dictionary<string, object?> { ["contrastive_similarity"] = "dot" }, "model");
        Assert.Equal(ContrastiveSimilarity.Dot, options.ContrastiveSimilarity);
        var error = Assert.Throws<OptionsException>(() =>
            OptionsBinder.Bind<Cl4SRecOptions>(new Dictionary<string, object?> { ["contrastive_similarity"] = "euclid" }, "model"));
        Assert.Equal("model.contrastive_similarity", error.Key);
    }
}
