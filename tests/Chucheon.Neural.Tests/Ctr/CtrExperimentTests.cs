using System.Globalization;
using System.Text;
using Chucheon.Neural.Ctr.Experiments;
using Chucheon.TestKit;

namespace Chucheon.Neural.Tests.Ctr;

public sealed class CtrExperimentTests
{
    [Fact]
    public void AValidationOnlyRunLeavesTheTestPartUnscoredAndTheSameRunWithTestAgreesOnValidation()
    {
        using var dir = new TempDirectory();
        // Click iff a == b, with a and b from 4 values: an FM learns it from a few hundred rows.
        var random = new Random(5);
        var csv = new StringBuilder("label,a,b\n");
        for (var r = 0; r < 600; r++)
        {
            var a = random.Next(4);
            var b = random.Next(2) == 0 ? a : random.Next(4);
            csv.Append(CultureInfo.InvariantCulture, $"{(a == b ? 1 : 0)},a{a},b{b}\n");
        }

        File.WriteAllText(dir.File("rows.csv"), csv.ToString());
        Dictionary<string, object?> Config() => new()
        {
            ["task"] = "ctr",
            ["dataset"] = new Dictionary<string, object?>
            {
                ["format"] = "csv", ["files"] = new List<object?> { "rows.csv" }, ["categorical_fields"] = new List<object?> { "a", "b" },
            },
            ["model"] = new Dictionary<string, object?> { ["name"] = "fm", ["epochs"] = "3", ["learning_rate"] = "0.05", ["batch_size"] = "64", ["threads"] = "1" },
            ["seed"] = "3",
        };

        var validationOnly = CtrExperiment.Run(Config(), dir.Path, dir.File("run"), evaluateTest: false);
        var full = CtrExperiment.Run(Config(), dir.Path, null);

        Assert.Empty(validationOnly.Metrics);
        Assert.True(validationOnly.ValidationMetrics["auc"] > 0.8);
        Assert.Equal(validationOnly.ValidationMetrics["auc"], full.ValidationMetrics["auc"]);
        Assert.True(full.Metrics["auc"] > 0.8);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(dir.File("run"), "model")));
    }
}
