using Chucheon.Configuration;
using Chucheon.Neural.Continual;

namespace Chucheon.Neural.Tests.Continual;

public sealed class ContinualExperimentTests
{
    [Fact]
    public void One_call_writes_the_report_chart_and_record_for_every_scenario()
    {
        var options = SyntheticStream.Options(epochs: 1);
        options.Methods = [FineAllLearner.Alias, SinMoLearner.Alias];
        options.NoisyPosition = 2;
        var output = Directory.CreateTempSubdirectory("continual-report-").FullName;
        try
        {
            var result = ContinualExperiment.Run(SyntheticStream.Create(), 5, options, output);

            Assert.Equal(6, result.Runs.Count);
            Assert.Equal(["original", "reversed", "noisy"], result.Fingerprints.Keys);
            Assert.All(result.Runs, r => Assert.NotNull(r.Run.SingleTask));
            var markdown = File.ReadAllText(Path.Combine(output, "continual.md"));
            Assert.Contains("### FineAll, noisy order", markdown, StringComparison.Ordinal);
            Assert.Contains("| SinMo | reversed | next_item |", markdown, StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(output, "continual.png")).Length > 1000);
            Assert.Contains("\"retention_rows\"", File.ReadAllText(Path.Combine(output, "continual.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Unknown_top_level_key_is_named()
    {
        var root = new Dictionary<string, object?> { ["continual"] = new Dictionary<string, object?>(), ["model"] = null };
        var error = Assert.Throws<OptionsException>(() => ContinualExperiment.Run(root, ".", null));
        Assert.Equal("model", error.Key);
    }
}
