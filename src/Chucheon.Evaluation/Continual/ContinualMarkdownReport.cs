using System.Globalization;
using System.Text;

namespace Chucheon.Evaluation.Continual;

/// <summary>Writes continual-learning results as markdown: an overview of average performance per method and scenario,
/// then per method and scenario the R matrix with FWT and BWT rows.</summary>
public static class ContinualMarkdownReport
{
    public static string Render(IReadOnlyList<ContinualRun> runs, string title = "Continual user representation")
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) { throw new ArgumentException("Nothing to report.", nameof(runs)); }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {title}\n\n");
        WriteOverview(sb, runs);
        foreach (var method in runs.GroupBy(r => r.Method))
        {
            sb.Append(CultureInfo.InvariantCulture, $"## {method.Key}\n\n");
            foreach (var run in method)
            {
                WriteRun(sb, run);
            }
        }

        return sb.ToString();
    }

    public static void Write(string path, IReadOnlyList<ContinualRun> runs, string title = "Continual user representation") =>
        File.WriteAllText(path, Render(runs, title));

    private static void WriteOverview(StringBuilder sb, IReadOnlyList<ContinualRun> runs)
    {
        var scenarios = runs.Select(r => r.Scenario).Distinct().ToArray();
        sb.Append("Average performance (mean of R(T_M, T_i) over tasks); BWT mean over tasks 1..M-1 in brackets.\n\n");
        sb.Append("| method | ").Append(string.Join(" | ", scenarios)).Append(" |\n");
        sb.Append("|---|").Append(string.Concat(scenarios.Select(_ => "---:|"))).Append('\n');
        foreach (var method in runs.GroupBy(r => r.Method))
        {
            sb.Append("| ").Append(method.Key).Append(" |");
            foreach (var scenario in scenarios)
            {
                var run = method.FirstOrDefault(r => r.Scenario == scenario);
                sb.Append(' ').Append(run is null ? "—" : $"{Number(run.Summary.AveragePerformance)} ({Percent(run.Summary.MeanBackward)})").Append(" |");
            }

            sb.Append('\n');
        }

        sb.Append('\n');
    }

    private static void WriteRun(StringBuilder sb, ContinualRun run)
    {
        var matrix = run.Matrix;
        var summary = run.Summary;
        sb.Append(CultureInfo.InvariantCulture, $"### {run.Method}, {run.Scenario} order ({run.MetricName})\n\n");
        sb.Append("| after \\ on | ").Append(string.Join(" | ", matrix.TaskNames.Select((t, i) => $"T{i + 1} {t}"))).Append(" |\n");
        sb.Append("|---|").Append(string.Concat(matrix.TaskNames.Select(_ => "---:|"))).Append('\n');
        for (var j = 0; j < matrix.Count; j++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| T{j + 1} {matrix.TaskNames[j]} |");
            for (var i = 0; i < matrix.Count; i++)
            {
                sb.Append(' ').Append(i <= j ? Number(matrix[j, i]) : "").Append(" |");
            }

            sb.Append('\n');
        }

        sb.Append("| FWT % |").Append(string.Concat(summary.Forward.Select(v => $" {Percent(v)} |"))).Append('\n');
        sb.Append("| BWT % |").Append(string.Concat(summary.Backward.Select(v => $" {Percent(v)} |"))).Append('\n');
        sb.Append(CultureInfo.InvariantCulture,
            $"\nAverage performance {Number(summary.AveragePerformance)}; mean FWT {Percent(summary.MeanForward)} %; mean BWT {Percent(summary.MeanBackward)} %.\n\n");
    }

    private static string Number(double v) => double.IsNaN(v) ? "—" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Percent(double v) => double.IsNaN(v) ? "—" : v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
