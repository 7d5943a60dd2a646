using ScottPlot;

namespace Chucheon.Evaluation.Continual;

/// <summary>A PNG bar chart of average performance: one group of bars per method, one bar per scenario.</summary>
public static class ContinualChart
{
    public static void WritePng(string path, IReadOnlyList<ContinualRun> runs, int width = 900, int height = 500, string title = "Average performance after the stream")
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) { throw new ArgumentException("Nothing to chart.", nameof(runs)); }

        var methods = runs.Select(r => r.Method).Distinct().ToArray();
        var scenarios = runs.Select(r => r.Scenario).Distinct().ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        using var plot = new Plot();
        var bars = new List<Bar>();
        foreach (var run in runs)
        {
            var m = Array.IndexOf(methods, run.Method);
            var s = Array.IndexOf(scenarios, run.Scenario);
            bars.Add(new Bar
            {
                // Groups of bars, one slot apart, so the method label can sit under the middle of its group.
                Position = (m * (scenarios.Length + 1)) + s,
                Value = run.Summary.AveragePerformance,
                FillColor = palette.GetColor(s),
            });
        }

        plot.Add.Bars(bars);
        for (var s = 0; s < scenarios.Length; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = scenarios[s], FillColor = palette.GetColor(s) });
        }

        var centers = methods.Select((_, m) => (m * (scenarios.Length + 1)) + ((scenarios.Length - 1) / 2.0)).ToArray();
        plot.Axes.Bottom.SetTicks(centers, methods);
        plot.Axes.Margins(bottom: 0);
        // One empty slot either side keeps the outer method labels inside the image.
        plot.Axes.SetLimitsX(-1, methods.Length * (scenarios.Length + 1) - 1);
        plot.Title(title);
        plot.YLabel(runs[0].MetricName);
        plot.ShowLegend();
        plot.SavePng(path, width, height);
    }
}
