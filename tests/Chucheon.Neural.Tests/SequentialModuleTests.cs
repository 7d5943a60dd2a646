using Chucheon.Neural.Sequential;
using TorchSharp;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests;

public sealed class SequentialModuleTests
{
    private const int Items = 20;
    private const int Dim = 8;

    public static TheoryData<string> CausalEncoders => ["sasrec", "sasrec-post", "gru4rec", "nextitnet"];

    /// <summary>The S3-Rec / CoSeRec reference block: post-norm, 4× GELU feed-forward, normal(0, 0.02) init.</summary>
    private static readonly SelfAttentionStyle Reference = new(BlockNorm.Post, 4, FeedForwardActivation.Gelu, 0.02);

    private static SequenceEncoder Encoder(string kind)
    {
        random.manual_seed(3);
        SequenceEncoder encoder = kind switch
        {
            "sasrec" => new SelfAttentionEncoder(Items, Dim, maxLength: 10, blockCount: 2, heads: 2, dropout: 0.2, causal: true),
            "sasrec-post" => new SelfAttentionEncoder(Items, Dim, maxLength: 10, blockCount: 2, heads: 2, dropout: 0.2, causal: true, style: Reference),
            "bert4rec" => new SelfAttentionEncoder(Items, Dim, maxLength: 10, blockCount: 2, heads: 2, dropout: 0.2, causal: false),
            "gru4rec" => new GruEncoder(Items, Dim, layers: 2, dropout: 0.2),
            "nextitnet" => new DilatedConvolutionEncoder(Items, Dim, [1, 2, 4], kernelSize: 3, dropout: 0.2),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        encoder.eval();
        return encoder;
    }

    [Theory]
    [InlineData("sasrec")]
    [InlineData("sasrec-post")]
    [InlineData("bert4rec")]
    [InlineData("gru4rec")]
    [InlineData("nextitnet")]
    public void ShapesFollowBatchLengthAndWidth(string kind)
    {
        using var encoder = Encoder(kind);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var tokens = tensor(new long[] { 0, 0, 3, 4, 5, 0, 1, 2, 3, 21, 7, 8, 9, 10, 11 }, [3, 5]);
        var hidden = encoder.forward(tokens);
        Assert.Equal([3L, 5, Dim], hidden.shape);
        Assert.Equal([3L, Items], encoder.ScoreAll(hidden.select(1, 4)).shape);
        Assert.Equal([3L, 5, 2], encoder.ScoreTokens(hidden, ones(3, 5, 2, dtype: ScalarType.Int64)).shape);
    }

    [Theory]
    [MemberData(nameof(CausalEncoders))]
    public void FutureItemsDoNotChangeEarlierPositions(string kind)
    {
        using var encoder = Encoder(kind);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var original = encoder.forward(tensor(new long[] { 0, 1, 2, 3, 4, 5 }, [1, 6]));
        var changedFuture = encoder.forward(tensor(new long[] { 0, 1, 2, 3, 17, 9 }, [1, 6]));
        // Positions 0-3 saw the same past; positions 4-5 saw different items.
        Assert.True(original.narrow(1, 0, 4).allclose(changedFuture.narrow(1, 0, 4), rtol: 1e-5, atol: 1e-6));
        Assert.False(original.narrow(1, 4, 2).allclose(changedFuture.narrow(1, 4, 2)));
    }

    [Fact]
    public void BidirectionalEncoderSeesTheFuture()
    {
        using var encoder = Encoder("bert4rec");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var original = encoder.forward(tensor(new long[] { 1, 2, 3, 4 }, [1, 4]));
        var changedFuture = encoder.forward(tensor(new long[] { 1, 2, 3, 9 }, [1, 4]));
        Assert.False(original.select(1, 0).allclose(changedFuture.select(1, 0)));
    }

    [Theory]
    [InlineData("sasrec")]
    [InlineData("sasrec-post")]
    [InlineData("bert4rec")]
    public void PaddingToMaxLengthGivesTheSameNewestState(string kind)
    {
        // Batches are padded only to their longest member; positions count from the right, padding keys are masked.
        using var encoder = Encoder(kind);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var narrow = encoder.forward(tensor(new long[] { 0, 4, 5, 6, 7, 8, 9 }, [1, 7])).select(1, 6);
        var wide = encoder.forward(tensor(new long[] { 0, 0, 0, 0, 4, 5, 6, 7, 8, 9 }, [1, 10])).select(1, 9);
        Assert.True(narrow.allclose(wide, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void ReferenceStyleWidensTheFeedForwardAndInitialisesLinearLayersNormally()
    {
        random.manual_seed(5);
        using var plain = new SelfAttentionEncoder(Items, 32, maxLength: 10, blockCount: 1, heads: 2, dropout: 0.0, causal: true);
        using var reference = new SelfAttentionEncoder(Items, 32, maxLength: 10, blockCount: 1, heads: 2, dropout: 0.0, causal: true, style: Reference);
        var plainLinear = plain.named_parameters().Where(p => p.name.Contains("expand", StringComparison.Ordinal)).ToList();
        var referenceLinear = reference.named_parameters().Where(p => p.name.Contains("expand", StringComparison.Ordinal)).ToList();
        // expand: weight [multiplier × D, D] and bias.
        Assert.Equal([32L, 32], plainLinear.Single(p => p.name.EndsWith("weight", StringComparison.Ordinal)).parameter.shape);
        Assert.Equal([128L, 32], referenceLinear.Single(p => p.name.EndsWith("weight", StringComparison.Ordinal)).parameter.shape);
        foreach (var (name, parameter) in reference.named_parameters())
        {
            if (!name.Contains("expand", StringComparison.Ordinal) && !name.Contains("queryKeyValue", StringComparison.Ordinal)) { continue; }
            if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                Assert.Equal(0.0, parameter.abs().max().item<float>());
            }
            else
            {
                // 4,096+ draws: the sample deviation is within a few percent of 0.02; libtorch's default would be ~0.1.
                Assert.InRange(parameter.std().item<float>(), 0.018, 0.022);
            }
        }
    }

    [Fact]
    public void RepresentationsIgnoreHowFarABatchIsPadded()
    {
        using var encoder = Encoder("sasrec");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var narrowTokens = tensor(new long[] { 0, 4, 5, 6, 0, 0, 0, 7 }, [2, 4]);
        var wideTokens = tensor(new long[] { 0, 0, 0, 4, 5, 6, 0, 0, 0, 0, 0, 7 }, [2, 6]);
        var narrow = encoder.forward(narrowTokens);
        var wide = encoder.forward(wideTokens);
        foreach (var kind in Enum.GetValues<ContrastiveRepresentation>())
        {
            var a = SequenceRepresentation.Of(narrow, narrowTokens, kind, maxLength: 10);
            var b = SequenceRepresentation.Of(wide, wideTokens, kind, maxLength: 10);
            Assert.True(a.allclose(b, rtol: 1e-4, atol: 1e-5), kind.ToString());
        }

        var flat = SequenceRepresentation.Of(narrow, narrowTokens, ContrastiveRepresentation.Flatten, maxLength: 10);
        Assert.Equal([2L, 10 * Dim], flat.shape);
        // The one-item row: only its newest position is non-zero, so its mean equals its newest state.
        var mean = SequenceRepresentation.Of(narrow, narrowTokens, ContrastiveRepresentation.Mean, maxLength: 10);
        Assert.True(mean[1].allclose(narrow[1, 3], rtol: 1e-5, atol: 1e-6));
        Assert.True(flat[1].narrow(0, 9 * Dim, Dim).allclose(narrow[1, 3]));
        Assert.Equal(0.0, flat[1].narrow(0, 0, 9 * Dim).abs().sum().item<float>());
    }

    [Fact]
    public void DilatedResidualBlockIsCausalAndKeepsShape()
    {
        random.manual_seed(1);
        using var block = new DilatedResidualBlock(dim: 4, kernelSize: 3, dilation: 2);
        block.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = randn(2, 9, 4);
        var y = block.forward(x);
        Assert.Equal(x.shape, y.shape);
        var changed = x.clone();
        changed[.., 6..].fill_(3.0);
        Assert.True(block.forward(changed).narrow(1, 0, 6).allclose(y.narrow(1, 0, 6), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void InfoNceMatchesAHandComputation()
    {
        using var scope = NewDisposeScope();
        // Orthogonal unit views, identical pairs, τ = 1: each anchor has logits {1 (its pair), 0, 0}, so the loss is
        // -log(e / (e + 2)) = log(e + 2) - 1.
        var identity = eye(2);
        Assert.Equal(Math.Log(Math.E + 2) - 1, InfoNce.Loss(identity, identity, 1.0).item<float>(), 5);

        // A general case against a direct evaluation of the formula.
        double[,] a = { { 0.5, -1.0 }, { 2.0, 0.3 }, { -0.7, 0.1 } };
        double[,] b = { { 0.4, -0.8 }, { 1.5, 0.9 }, { 0.2, 0.6 } };
        const double tau = 0.5;
        var rows = new double[6][];
        for (var i = 0; i < 3; i++)
        {
            rows[i] = [a[i, 0], a[i, 1]];
            rows[i + 3] = [b[i, 0], b[i, 1]];
        }

        double expected = 0;
        for (var i = 0; i < 6; i++)
        {
            var positive = (i + 3) % 6;
            double denominator = 0;
            for (var j = 0; j < 6; j++)
            {
                if (j != i) { denominator += Math.Exp(((rows[i][0] * rows[j][0]) + (rows[i][1] * rows[j][1])) / tau); }
            }

            var numerator = ((rows[i][0] * rows[positive][0]) + (rows[i][1] * rows[positive][1])) / tau;
            expected += Math.Log(denominator) - numerator;
        }

        expected /= 6;
        var actual = InfoNce.Loss(tensor(new[] { 0.5f, -1f, 2f, 0.3f, -0.7f, 0.1f }, [3, 2]), tensor(new[] { 0.4f, -0.8f, 1.5f, 0.9f, 0.2f, 0.6f }, [3, 2]), tau);
        Assert.Equal(expected, actual.item<float>(), 4);
    }
}
