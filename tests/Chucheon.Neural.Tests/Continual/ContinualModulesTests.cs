using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Data.Continual;
using Chucheon.Neural.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Continual;

public sealed class ContinualModulesTests
{
    [Fact]
    public void Sequences_keep_the_latest_items_shifted_and_left_padded()
    {
        var sequences = new UserSequences(new IdMap(["a", "b"]), new IdMap(["x", "y", "z"]), [[0, 1, 2, 0], [2]]);
        using var table = new SequenceTable(sequences, maxLength: 3, CPU);
        using var tokens = table.Of([0, 1]);

        Assert.Equal(3, table.Length);
        Assert.Equal([2L, 3, 1, 0, 0, 3], tokens.data<long>().ToArray());
    }

    [Fact]
    public void Relation_aware_masks_are_in_the_unit_interval_and_leave_earlier_tasks_without_gradient()
    {
        using var masks = new TaskMasks(taskCount: 3, blocks: 2, dim: 4, relationAware: true);
        using var mask = masks.Of(2, s: 5, sMax: 50);
        Assert.Equal([2L, 4], mask.shape);
        Assert.True(mask.min().item<float>() > 0 && mask.max().item<float>() < 1);

        using var loss = mask.sum();
        loss.backward();
        Assert.Null(masks.ParametersOf(0).First().grad);
        Assert.NotNull(masks.ParametersOf(2).First().grad);
    }

    [Fact]
    public void Branch_masks_close_the_residual_branch_but_never_the_skip_path()
    {
        using var backbone = new ContinualBackbone(5, SyntheticStream.Options());
        using var tokens = tensor(new long[] { 0, 2, 3, 1 }, [1, 4]);
        using var closed = backbone.Encode(tokens, afterActivation: (_, _, h) => h * 0);
        using var open = backbone.Encode(tokens, afterActivation: (_, _, h) => h);
        using var plain = backbone.Encode(tokens);
        using var embedded = backbone.Items.forward(tokens);

        // With every branch closed only the skip path is left: the item embeddings themselves.
        Assert.True(closed.allclose(embedded, rtol: 0, atol: 1e-6));
        Assert.True(open.allclose(plain, rtol: 0, atol: 1e-6));
        Assert.False(closed.allclose(plain, rtol: 0, atol: 1e-3));
    }

    [Fact]
    public void Masks_and_patches_leave_padding_at_zero()
    {
        using var backbone = new ContinualBackbone(5, SyntheticStream.Options());
        using var tokens = tensor(new long[] { 0, 0, 3, 1 }, [1, 4]);
        using var encoded = backbone.Encode(tokens, (k, x) => x + 1);

        Assert.Equal(0f, encoded[0, 0].abs().sum().item<float>());
        Assert.NotEqual(0f, encoded[0, 3].abs().sum().item<float>());
    }

    [Theory]
    [InlineData("methods", "[ewc]", "methods[0]")]
    [InlineData("dilations", "[]", "dilations")]
    [InlineData("conure_keep", "0", "conure_keep")]
    [InlineData("scenarios", "[sideways]", "scenarios[0]")]
    public void Bad_options_name_the_key(string key, string value, string expectedKey)
    {
        var options = SyntheticStream.Options();
        switch (key)
        {
            case "methods": options.Methods = [value.Trim('[', ']')]; break;
            case "dilations": options.Dilations = []; break;
            case "conure_keep": options.ConureKeep = 0; break;
            default: options.Scenarios = [value.Trim('[', ']')]; break;
        }

        var error = Assert.Throws<OptionsException>(options.Validate);
        Assert.Equal(expectedKey, error.Key);
    }
}
