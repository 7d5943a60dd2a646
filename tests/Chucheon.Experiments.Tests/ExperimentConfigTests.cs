using Chucheon.Experiments.Configuration;
using Chucheon.Models.Baselines;

namespace Chucheon.Experiments.Tests;

public sealed class ExperimentConfigTests
{
    private const string Valid = """
        dataset:
          format: synthetic
        split:
          method: leave-one-out
        model:
          name: pop
          window_days: 30
        evaluation:
          metrics: [Recall, NDCG]
          k: [5, 10]
        seed: 7
        """;

    private static ConfigException Fails(string yaml) =>
        Assert.Throws<ConfigException>(() => ExperimentConfig.Parse(yaml, Environment.CurrentDirectory, source: "test.yaml"));

    [Fact]
    public void The_documented_shape_binds_onto_typed_options()
    {
        var config = ExperimentConfig.Parse(Valid, Environment.CurrentDirectory);

        Assert.Equal("pop", config.ModelAlias);
        Assert.Equal(30, Assert.IsType<PopularityOptions>(config.ModelOptions).WindowDays);
        Assert.Equal(7, config.Seed);
        Assert.Equal([5, 10], config.Evaluation.K);
    }

    [Fact]
    public void A_misspelt_hyperparameter_names_the_key_and_its_line()
    {
        var error = Fails(Valid.Replace("window_days: 30", "windw_days: 30", StringComparison.Ordinal));

        Assert.Contains("test.yaml:7", error.Message, StringComparison.Ordinal);
        Assert.Contains("model.windw_days", error.Message, StringComparison.Ordinal);
        Assert.Contains("window_days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_top_level_section_is_rejected() =>
        Assert.Contains("'evalutaion'", Fails(Valid + "\nevalutaion:\n  k: [1]\n").Message, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_model_lists_the_known_ones()
    {
        var error = Fails(Valid.Replace("name: pop", "name: popp", StringComparison.Ordinal));

        Assert.Contains("unknown model 'popp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("pop", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k: [5, 10]", "k: [0]", "evaluation.k")]
    [InlineData("window_days: 30", "window_days: -1", "model.window_days")]
    [InlineData("seed: 7", "seed: seven", "seed")]
    [InlineData("format: synthetic", "format: excel", "dataset.format")]
    public void Out_of_range_values_fail_at_load_with_the_key_named(string from, string to, string key) =>
        Assert.Contains($"'{key}", Fails(Valid.Replace(from, to, StringComparison.Ordinal)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_missing_model_section_is_reported() =>
        Assert.Contains("'model'", Fails("dataset:\n  format: synthetic\nsplit:\n  method: random\n").Message, StringComparison.Ordinal);

    [Fact]
    public void Invalid_yaml_is_reported_with_the_file() =>
        Assert.Contains("test.yaml", Fails("dataset: [unclosed\n").Message, StringComparison.Ordinal);

    [Fact]
    public void Command_line_overrides_replace_values()
    {
        var config = ExperimentConfig.Parse(Valid, Environment.CurrentDirectory, ["model.window_days=3", "evaluation.k=[20]", "seed=1"]);

        Assert.Equal(3, Assert.IsType<PopularityOptions>(config.ModelOptions).WindowDays);
        Assert.Equal([20], config.Evaluation.K);
        Assert.Equal(1, config.Seed);
    }

    [Fact]
    public void Overrides_set_nested_keys_and_lists_and_reject_a_missing_equals_sign()
    {
        var document = YamlDocument.Parse("continual_model:\n  methods: [sinmo]\n", "test.yaml");

        document.ApplyOverrides(["continual_model.methods=[teracon, hat]", "continual_model.alpha=5"]);

        var section = Assert.IsType<Dictionary<string, object?>>(document.Root["continual_model"]);
        Assert.Equal(["teracon", "hat"], Assert.IsType<List<object?>>(section["methods"]).Cast<string>());
        Assert.Equal("5", section["alpha"]);
        var error = Assert.Throws<ConfigException>(() => document.ApplyOverrides(["continual_model.alpha"]));
        Assert.Contains("key.path=value", error.Message, StringComparison.Ordinal);
    }
}
