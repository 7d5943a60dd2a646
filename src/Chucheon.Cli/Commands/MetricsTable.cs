using System.Globalization;
using Chucheon.Experiments.Runs;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary>Renders run metrics as a table: one row per metric key, one column per run, so it stays narrow.</summary>
internal static class MetricsTable
{
    public static void Write(IReadOnlyList<RunMetrics> runs)
    {
        var keys = runs.SelectMany(r => r.Metrics.Keys).Distinct().OrderBy(CutoffOf).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var table = new Table().AddColumn("metric");
        foreach (var run in runs) { table.AddColumn(new TableColumn(Markup.Escape(run.Model)).RightAligned()); }
        foreach (var key in keys)
        {
            table.AddRow([Markup.Escape(key), .. runs.Select(r => r.Metrics.TryGetValue(key, out var v) ? v.ToString("F4", CultureInfo.InvariantCulture) : "-")]);
        }

        table.AddRow(["fit s", .. runs.Select(r => r.Timings.FitS.ToString("F2", CultureInfo.InvariantCulture))]);
        table.AddRow(["evaluate s", .. runs.Select(r => r.Timings.EvaluateS.ToString("F2", CultureInfo.InvariantCulture))]);
        AnsiConsole.Write(table);
    }

    // Group rows by K so Recall@10, NDCG@10 sit together before the @20 ones.
    private static int CutoffOf(string key) =>
        key.LastIndexOf('@') is var at and >= 0 && int.TryParse(key[(at + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : int.MaxValue;
}
