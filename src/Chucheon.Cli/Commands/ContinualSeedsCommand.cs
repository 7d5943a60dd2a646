using System.CommandLine;
using Chucheon.Neural.Continual;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon continual-seeds --output DIR RUN_DIR...</c>: reads the continual.json of several
/// <c>chucheon continual</c> outputs (e.g. one per training seed, or original/reversed and noisy made separately) and
/// writes continual-seeds.md: mean and spread over seeds of averages, per-task BWT and the loss after the noisy task, on
/// the test users and on the validation users.</summary>
internal static class ContinualSeedsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Folder for continual-seeds.md.", Required = true };
        var inputs = new Argument<string[]>("runs") { Description = "Output folders (or continual.json files) of chucheon continual.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("continual-seeds", "Mean and spread over seeds of several chucheon continual outputs.") { output, inputs };
        command.SetAction(parse => CommandErrors.Guard(() =>
        {
            var records = parse.GetValue(inputs)!.Select(ContinualRecord.Read).ToArray();
            var markdown = ContinualRecord.Summarise(records);
            var directory = parse.GetValue(output)!;
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, ContinualExperiment.SeedsFileName);
            File.WriteAllText(path, markdown);
            Console.WriteLine($"wrote {path}");
            return 0;
        }));
        return command;
    }
}
