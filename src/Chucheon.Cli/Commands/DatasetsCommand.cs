using System.CommandLine;
using Chucheon.Data.Download;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon datasets list|info|download</c>.</summary>
internal static class DatasetsCommand
{
    public static Command Create()
    {
        var command = new Command("datasets", "List, inspect and download datasets.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(DatasetInfoCommand.Create());
        command.Subcommands.Add(Download());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Downloadable public datasets and the shared local ones.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("name", "format", "description");
            foreach (var d in PublicDatasets.All) { table.AddRow(d.Name, d.Format, Markup.Escape(d.Description)); }
            AnsiConsole.Write(table);
            var shared = Data.SharedDatasets.TryFindRoot();
            if (shared is not null)
            {
                AnsiConsole.MarkupLine($"Local datasets in [bold]{Markup.Escape(shared)}[/]:");
                foreach (var dir in Directory.GetDirectories(shared).Order(StringComparer.Ordinal))
                {
                    AnsiConsole.WriteLine($"  {Path.GetFileName(dir)}");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Download()
    {
        var name = new Argument<string>("name") { Description = "Dataset name (see `datasets list`)." };
        var directory = new Option<string>("--dir") { Description = "Folder to unpack into.", DefaultValueFactory = _ => "data" };
        var baseUrl = new Option<string?>("--base-url") { Description = $"Archive host (default {PublicDatasets.DefaultBaseUrl}, or ${PublicDatasets.BaseUrlVariable})." };
        var force = new Option<bool>("--force") { Description = "Download again even if the folder exists." };
        var command = new Command("download", "Download and unpack a public dataset archive.") { name, directory, baseUrl, force };
        command.SetAction(parse => CommandErrors.Guard(() =>
        {
            var dataset = PublicDatasets.Get(parse.GetValue(name)!);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
            var downloader = new DatasetDownloader(http);
            DownloadResult result = null!;
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"{dataset.Name}", maxValue: 1);
                var progress = new Progress<DownloadProgress>(p =>
                {
                    if (p.TotalBytes is { } total) { task.MaxValue = total; }
                    task.Value = p.BytesReceived;
                });
                result = downloader.DownloadAsync(dataset, parse.GetValue(directory)!, parse.GetValue(baseUrl), parse.GetValue(force), progress)
                    .GetAwaiter().GetResult();
                task.Value = task.MaxValue;
            });
            Console.WriteLine(result.AlreadyPresent
                ? $"{result.Folder} already exists (use --force to download again)."
                : $"{dataset.Name}: {result.ArchiveBytes:N0} bytes, sha256 {result.Sha256}, unpacked to {result.Folder} (format: {dataset.Format}).");
            return 0;
        }));
        return command;
    }
}
