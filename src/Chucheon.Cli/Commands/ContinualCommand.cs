using System.CommandLine;
using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Experiments.Configuration;
using Chucheon.Neural.Continual;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon continual --config FILE --output DIR [--set key=value ...]</c>: every configured continual
/// method on the original, reversed and noisy task streams, written as continual.md, continual.png and
/// continual.json (see docs/continual.md).</summary>
internal static class ContinualCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config", "-c") { Description = "YAML file with continual: and continual_model: sections.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Folder for continual.md, continual.png, continual.json.", Required = true };
        var overrides = new Option<string[]>("--set") { Description = "Override a config value: key.path=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print per-epoch progress." };
        var command = new Command("continual", "Continual user representation: TERACON and baselines over a task stream.") { config, output, overrides, quiet };
        command.SetAction(parse => CommandErrors.Guard(() =>
        {
            var path = parse.GetValue(config)!;
            var document = YamlDocument.Load(path);
            document.ApplyOverrides(parse.GetValue(overrides));

            var outputDirectory = parse.GetValue(output)!;
            Action<string>? log = parse.GetValue(quiet) ? null : line => Console.Error.WriteLine(line);
            ContinualExperimentResult result;
            try
            {
                result = ContinualExperiment.Run(document.Root, Path.GetDirectoryName(Path.GetFullPath(path))!, outputDirectory, log);
            }
            catch (OptionsException e)
            {
                throw document.Locate(e);
            }

            foreach (var run in result.Runs)
            {
                var summary = run.Run.Summary;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{run.Run.Method,-14} {run.Run.Scenario,-9} average {summary.AveragePerformance:F4}  mean BWT {summary.MeanBackward:+0.00;-0.00;0.00} %  {run.WallSeconds:F0} s"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {result.WallSeconds:F0} s wall, {result.CpuSeconds:F0} s CPU"));
            Console.WriteLine(result.Seeds is null
                ? $"wrote {Path.Combine(outputDirectory, "continual.md")}"
                : $"wrote {Path.Combine(outputDirectory, ContinualExperiment.SeedsFileName)} and seed-N/continual.md for seeds {string.Join(", ", result.Seeds)}");
            return 0;
        }));
        return command;
    }
}
