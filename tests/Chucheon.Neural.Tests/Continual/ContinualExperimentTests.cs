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
            var record = File.ReadAllText(Path.Combine(output, "continual.json"));
            Assert.Contains("\"retention_rows\"", record, StringComparison.Ordinal);
            // The split's seed and the enum options by name, so a record says which users and which variant it measured.
            Assert.Contains("\"stream_seed\": 5", record, StringComparison.Ordinal);
            Assert.Contains("\"teracon_masks\": \"block\"", record, StringComparison.Ordinal);
            Assert.Contains("\"teracon_retention\": \"mse\"", record, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Seeds_repeat_the_comparison_per_seed_and_summarise_what_the_records_read_back()
    {
        var options = SyntheticStream.Options(epochs: 1);
        options.Methods = [FineAllLearner.Alias];
        options.Scenarios = ["original"];
        options.Seeds = [3, 4];
        var ownSeed = options.Seed;
        var output = Directory.CreateTempSubdirectory("continual-seeds-").FullName;
        try
        {
            var result = ContinualExperiment.RunSeeds(SyntheticStream.Create(), 5, options, output);

            Assert.Equal([3, 4], result.Seeds);
            Assert.Equal(2, result.Runs.Count);
            Assert.Equal(ownSeed, options.Seed);
            var records = new[] { ContinualRecord.Read(Path.Combine(output, "seed-3")), ContinualRecord.Read(Path.Combine(output, "seed-4", "continual.json")) };
            Assert.Equal([3, 4], records.Select(r => r.Seed));
            for (var s = 0; s < 2; s++)
            {
                var written = result.Runs[s].Run.Matrix;
                var read = Assert.Single(records[s].Test).Matrix;
                Assert.Equal(written.TaskNames, read.TaskNames);
                for (var j = 0; j < written.Count; j++)
                {
                    for (var i = 0; i <= j; i++) { Assert.Equal(written[j, i], read[j, i]); }
                }

                Assert.Single(records[s].Valid);
            }

            var summary = File.ReadAllText(Path.Combine(output, ContinualExperiment.SeedsFileName));
            Assert.Equal(ContinualRecord.Summarise(records), summary);
            Assert.Contains("Seeds: 3, 4.", summary, StringComparison.Ordinal);
            Assert.Contains("| FineAll | original | 2 |", summary, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void A_repeated_seed_is_refused()
    {
        var options = SyntheticStream.Options(epochs: 1);
        options.Seeds = [1, 1];
        Assert.Equal("seeds", Assert.Throws<OptionsException>(options.Validate).Key);
    }

    [Fact]
    public void Unknown_top_level_key_is_named()
    {
        var root = new Dictionary<string, object?> { ["continual"] = new Dictionary<string, object?>(), ["model"] = null };
        var error = Assert.Throws<OptionsException>(() => ContinualExperiment.Run(root, ".", null));
        Assert.Equal("model", error.Key);
    }
}
