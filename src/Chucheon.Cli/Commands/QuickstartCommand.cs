using System.CommandLine;
using System.Globalization;
using Chucheon.Data;
using Chucheon.Experiments.Configuration;
using Chucheon.Experiments.Runs;
using Chucheon.Models;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon quickstart</c>: trains several models on the embedded synthetic dataset, compares them with
/// full-ranking metrics, then reloads the best one from disk and recommends for one user. No network, no server.</summary>
internal static class QuickstartCommand
{
    private static readonly string[] Models = ["random", "pop", "genre-pop", "itemknn", "ease", "ials", "bpr"];

    private const string ConfigTemplate = """
        name: quickstart-{0}
        dataset:
          format: synthetic
        split:
          method: leave-one-out
          validation: true
        model:
          name: {0}
        evaluation:
          metrics: [Recall, NDCG, Hit, MRR]
          k: [10, 20]
        seed: 42
        cache: false
        """;

    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Folder for the runs.", DefaultValueFactory = _ => Path.Combine("runs", "quickstart") };
        var command = new Command("quickstart", "Train, evaluate and recommend on the embedded synthetic dataset.") { output };
        command.SetAction(parse => CommandErrors.Guard(() => Run(parse.GetValue(output)!)));
        return command;
    }

    private static int Run(string outputRoot)
    {
        AnsiConsole.MarkupLine("[bold]Chucheon quickstart[/]: synthetic dataset (seeded), leave-one-out split, full-catalog ranking.");
        var results = new List<RunResult>();
        foreach (var alias in Models)
        {
            var config = ExperimentConfig.Parse(string.Format(CultureInfo.InvariantCulture, ConfigTemplate, alias), Environment.CurrentDirectory, source: $"quickstart:{alias}");
            var result = ProgressDisplay.Run(progress => new ExperimentRunner(progress).Run(config, Path.Combine(outputRoot, alias)));
            results.Add(result);
        }

        var split = results[0].Split;
        AnsiConsole.MarkupLine($"Data: {Markup.Escape(split.Train.ToString())}; {split.Validation.Count} validation and {split.Test.Count} test interactions.");
        MetricsTable.Write([.. results.Select(r => r.Metrics)]);

        var best = results.MaxBy(r => r.Metrics.Metrics.GetValueOrDefault("NDCG@10"))!;
        var bundleFolder = Path.Combine(outputRoot, best.Metrics.Model, RunWriter.ModelFolder);
        var bundle = ModelBundle.Load(bundleFolder);
        var user = split.Test.Users[0];
        var rawUser = bundle.Users.GetRaw(user);
        var list = Recommendations.Recommend(bundle.Model, [user], bundle.History, 10)[0];
        var heldOut = split.Test.Items.Where((_, row) => split.Test.Users[row] == user).ToHashSet();
        var genres = split.Train.ItemFeatures is { } features && features.TryGet("genres", out var column) ? column as MultiCategoricalFeature : null;

        var table = new Table()
            .Title($"Top-10 for user {Markup.Escape(rawUser)} from '{best.Metrics.Model}' reloaded from {Markup.Escape(bundleFolder)}")
            .AddColumns("rank", "item", "score", "genres", "held-out?");
        for (var r = 0; r < list.Length; r++)
        {
            var item = list[r].Item;
            var itemGenres = genres is null ? "" : string.Join("|", genres.Of(item).ToArray().Select(g => genres.Vocabulary.GetRaw(g)));
            table.AddRow((r + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(bundle.Items.GetRaw(item)),
                list[r].Score.ToString("G4", CultureInfo.InvariantCulture), Markup.Escape(itemGenres), heldOut.Contains(item) ? "[green]yes[/]" : "");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Runs recorded under [bold]{Markup.Escape(outputRoot)}[/] (metrics.json, run.json, model/). Try: chucheon recommend --model {Markup.Escape(Path.Combine(outputRoot, best.Metrics.Model))} --user {Markup.Escape(rawUser)}");
        return 0;
    }
}
