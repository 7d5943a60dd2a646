using System.CommandLine;
using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Data.Readers;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon datasets info --format F --path P</c>: sizes, density, columns and features of a dataset.</summary>
internal static class DatasetInfoCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "Reader format (movielens-100k, user-item-lists, csv, ...).", Required = true };
        var path = new Option<string>("--path", "-p") { Description = "Dataset file or folder." };
        var command = new Command("info", "Load a dataset and describe it.") { format, path };
        command.SetAction(parse => CommandErrors.Guard(() =>
        {
            var values = new Dictionary<string, object?> { ["format"] = parse.GetValue(format) };
            if (parse.GetValue(path) is { } p) { values["path"] = p; }
            var spec = OptionsBinder.Bind<DatasetSpec>(values, "dataset");
            var loaded = DatasetReaders.Load(spec, Environment.CurrentDirectory);
            Describe(loaded.Dataset);
            Console.WriteLine(loaded.Report.ToString());
            return 0;
        }));
        return command;
    }

    private static void Describe(InteractionDataset data)
    {
        var log = data.Log;
        var density = data.UserCount == 0 || data.ItemCount == 0 ? 0 : (double)data.UserItems.NonZeros / ((double)data.UserCount * data.ItemCount);
        var table = new Table().AddColumns("property", "value");
        table.AddRow("name", Markup.Escape(data.Name));
        table.AddRow("users", data.UserCount.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("items", data.ItemCount.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("interactions", log.Count.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("distinct user-item pairs", data.UserItems.NonZeros.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("density", density.ToString("P3", CultureInfo.InvariantCulture));
        table.AddRow("ratings", log.Ratings is null ? "no" : $"{log.Ratings.Min():G3}..{log.Ratings.Max():G3}");
        table.AddRow("timestamps", log.Timestamps is null ? "no" : $"{DateTimeOffset.FromUnixTimeSeconds(log.Timestamps.Min()):yyyy-MM-dd}..{DateTimeOffset.FromUnixTimeSeconds(log.Timestamps.Max()):yyyy-MM-dd}");
        table.AddRow("user features", Markup.Escape(Features(data.UserFeatures)));
        table.AddRow("item features", Markup.Escape(Features(data.ItemFeatures)));
        AnsiConsole.Write(table);
    }

    private static string Features(FeatureTable? table) =>
        table is null ? "none" : string.Join(", ", table.Columns.Select(c => $"{c.Name} ({c.GetType().Name.Replace("Feature", "", StringComparison.Ordinal).ToLowerInvariant()})"));
}
