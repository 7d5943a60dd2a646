using System.Globalization;
using Chucheon.Experiments.Runs;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary>Renders run metrics as a table: one row per run, one column per metric key.</summary>
internal static class MetricsTable
{
    public static void Write(IReadOnlyList<RunMetrics> runs)
    {
        var keys = runs.SelectMany(r => r.Metrics.Keys).Distinct().OrderBy(Order).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var table = new Table().AddColumn("model");
        foreach (var key in keys) { table.AddColumn(new TableColumn(key).RightAligned()); }
        table.AddColumn(new TableColumn("fit s").RightAligned());
        table.AddColumn(new TableColumn("eval s").RightAligned());
        foreach (var run in runs)
        {
            var cells = new List<string> { run.Model };
            cells.AddRange(keys.Select(k => run.Metrics.TryGetValue(k, out var v) ? v.ToString("F4", CultureInfo.InvariantCulture) : "-"));
            cells.Add(run.Timings.FitS.ToString("F2", CultureInfo.InvariantCulture));
            cells.Add(run.Timings.EvaluateS.ToString("F2", CultureInfo.InvariantCulture));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
    }

    // Group columns by K so Recall@10, NDCG@10 sit together before the @20 ones.
    private static int Order(string key) =>
        key.LastIndexOf('@') is var at and >= 0 && int.TryParse(key[(at + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : int.MaxValue;
}
