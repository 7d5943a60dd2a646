using System.CommandLine;
using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Experiments.Configuration;
using Chucheon.Neural.Ctr.Experiments;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon ctr --config FILE --output DIR [--set key=value ...]</c>: a CTR experiment (see docs/ctr.md).</summary>
internal static class CtrCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config", "-c") { Description = "CTR experiment YAML file (task: ctr).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Folder for metrics.json, the model, attention.json.", Required = true };
        var overrides = new Option<string[]>("--set") { Description = "Override a config value: key.path=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("ctr", "Train and evaluate a click-through-rate model (AUC, LogLoss, group AUC).") { config, output, overrides };
        command.SetAction(parse => CommandErrors.Guard(() =>
        {
            var path = parse.GetValue(config)!;
            var document = YamlDocument.Load(path);
            document.ApplyOverrides(parse.GetValue(overrides));

            var outputDirectory = parse.GetValue(output)!;
            CtrRunResult result;
            try
            {
                result = CtrExperiment.Run(document.Root, Path.GetDirectoryName(Path.GetFullPath(path))!, outputDirectory,
                    new EpochLog());
            }
            catch (OptionsException e)
            {
                throw document.Locate(e);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Model}: test AUC {result.Metrics["auc"]:F4} LogLoss {result.Metrics["logloss"]:F4} GAUC {result.Metrics["gauc"]:F4}; validation AUC {result.ValidationMetrics.GetValueOrDefault("auc"):F4}; {result.TrainRows} train rows; {result.SecondsPerEpoch:F2} s/epoch; best epoch {result.BestEpoch}/{result.EpochsRun}"));
            if (result.Refit is { } refit)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"refit on train + validation ({refit.TrainRows} rows, {refit.Epochs} epochs, rate drops after epochs [{string.Join(", ", refit.LrMilestones)}]): the test figures above are the refit model's; the first fit's test AUC was {refit.FirstFitTestMetrics.GetValueOrDefault("auc"):F4}"));
            }

            Console.WriteLine($"wrote {Path.Combine(outputDirectory, "metrics.json")}");
            return 0;
        }));
        return command;
    }
}

/// <summary>Prints each epoch line as it happens, on the training thread (Progress&lt;T&gt; would post to the thread
/// pool and could reorder lines).</summary>
internal sealed class EpochLog : IProgress<Models.FitProgress>
{
    public void Report(Models.FitProgress value) => Console.Error.WriteLine(value.Detail);
}
