using System.CommandLine;
using Chucheon.Experiments.Configuration;
using Chucheon.Experiments.Runs;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon run --config FILE --output DIR [--set key=value ...]</c>.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config", "-c") { Description = "Experiment YAML file.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Folder for metrics.json, run.json, the model bundle.", Required = true };
        var overrides = new Option<string[]>("--set") { Description = "Override a config value: key.path=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("run", "Train, evaluate and record one experiment.") { config, output, overrides };
        command.SetAction(parse => CommandErrors.Guard(() =>
        {
            var experiment = ExperimentConfig.Load(parse.GetValue(config)!, parse.GetValue(overrides));
            var outputDirectory = parse.GetValue(output)!;
            var result = ProgressDisplay.Run(progress => new ExperimentRunner(progress).Run(experiment, outputDirectory));
            MetricsTable.Write([result.Metrics]);
            Console.WriteLine($"dataset {result.Details.Data.Users} users x {result.Details.Data.Items} items; evaluated {result.Details.UsersEvaluated} users ({result.Details.Protocol}); peak {result.Metrics.PeakMemoryMb} MB");
            if (result.Details.Training is { } training)
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"trained {training.EpochsRun} epochs{(training.StoppedEarly ? " (early stop)" : "")}; kept epoch {training.BestEpoch}{(training.BestValidationMetric is { } best ? $" (validation {training.ValidationMetric} {best:F4})" : "")}; {training.MeanTrainSecondsPerEpoch:F2} s/epoch"));
            }

            Console.WriteLine($"wrote {Path.Combine(outputDirectory, RunWriter.MetricsFile)}");
            return 0;
        }));
        return command;
    }
}
