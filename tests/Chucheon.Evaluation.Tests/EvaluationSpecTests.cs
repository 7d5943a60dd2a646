using Chucheon.Configuration;

namespace Chucheon.Evaluation.Tests;

public sealed class EvaluationSpecTests
{
    private static EvaluationSpec Bind(Dictionary<string, object?> values) =>
        OptionsBinder.Bind<EvaluationSpec>(values, EvaluationSpec.Section);

    [Fact]
    public void Binds_a_yaml_shaped_section_with_case_insensitive_metric_names()
    {
        var spec = Bind(new()
        {
            ["metrics"] = new List<object?> { "ndcg", "RECALL", "competitionrecall", "Coverage", "auc" },
            ["k"] = new List<object?> { "20", "10" },
            ["mode"] = "sampled",
            ["negative_samples"] = "50",
            ["segments"] = "true",
            ["batch_size"] = "64",
        });

        Assert.Equal(EvaluationMode.Sampled, spec.Mode);
        Assert.Equal(50, spec.NegativeSamples);
        Assert.True(spec.Segments);
        Assert.Equal(64, spec.BatchSize);
        Assert.Equal([10, 20], spec.Cutoffs());
        Assert.Equal(20, spec.MaxK);
        Assert.Equal(["NDCG", "Recall", "CompetitionRecall", "Coverage", "AUC"], spec.ResolvedMetrics().Select(m => m.Name));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void A_cutoff_below_one_names_evaluation_k(string k)
    {
        var e = Assert.Throws<OptionsException>(() => Bind(new() { ["k"] = new List<object?> { "10", k } }));
        Assert.Equal("evaluation.k", e.Key);
    }

    [Fact]
    public void An_empty_cutoff_list_names_evaluation_k()
    {
        var e = Assert.Throws<OptionsException>(() => Bind(new() { ["k"] = new List<object?>() }));
        Assert.Equal("evaluation.k", e.Key);
    }

    [Fact]
    public void An_unknown_metric_lists_the_known_ones()
    {
        var e = Assert.Throws<OptionsException>(() => Bind(new() { ["metrics"] = new List<object?> { "Recall", "F1" } }));
        Assert.Equal("evaluation.metrics[1]", e.Key);
        Assert.Contains("'F1'", e.Message, StringComparison.Ordinal);
        foreach (var known in MetricCatalog.All) { Assert.Contains(known.Name, e.Message, StringComparison.Ordinal); }
    }

    [Fact]
    public void An_unknown_key_is_rejected() =>
        Assert.Equal("evaluation.topk", Assert.Throws<OptionsException>(() => Bind(new() { ["topk"] = "10" })).Key);

    [Fact]
    public void Sampled_mode_needs_negatives() =>
        Assert.Equal("evaluation.negative_samples",
            Assert.Throws<OptionsException>(() => Bind(new() { ["mode"] = "sampled", ["negative_samples"] = "0" })).Key);

    [Fact]
    public void Batch_size_must_be_positive() =>
        Assert.Equal("evaluation.batch_size", Assert.Throws<OptionsException>(() => Bind(new() { ["batch_size"] = "0" })).Key);

    [Fact]
    public void Defaults_are_valid()
    {
        var spec = new EvaluationSpec();
        spec.Validate();
        Assert.Equal(EvaluationMode.Full, spec.Mode);
        Assert.Equal(5, spec.ColdUserMaxItems);
        Assert.Equal(0.2, spec.HeadItemFraction);
    }

    [Fact]
    public void Report_keys_use_the_canonical_spelling() => Assert.Equal("NDCG@10", MetricCatalog.Key("ndcg", 10));
}
