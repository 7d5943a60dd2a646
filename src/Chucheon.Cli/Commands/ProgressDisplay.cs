using Chucheon.Experiments.Runs;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary>Shows run progress: live bars on an interactive terminal, one line per stage change otherwise (CI logs).</summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    public static T Run<T>(Func<IProgress<RunProgress>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            var lastStage = "";
            var lastLine = System.Diagnostics.Stopwatch.StartNew();
            return work(new SynchronousProgress(p =>
            {
                // Long stages (training epochs) still leave a heartbeat in CI logs, without one line per batch.
                if (p.Stage != lastStage || p.Step == p.Total || lastLine.Elapsed >= LogInterval)
                {
                    Console.Error.WriteLine($"  {p.Stage} {p.Step}/{p.Total}{(p.Detail is null ? "" : $" {p.Detail}")}");
                    lastStage = p.Stage;
                    lastLine.Restart();
                }
            }));
        }

        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                result = work(new SynchronousProgress(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        task = ctx.AddTask(Markup.Escape(p.Stage), maxValue: Math.Max(1, p.Total));
                        tasks[p.Stage] = task;
                    }

                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Step;
                    if (p.Detail is not null) { task.Description = Markup.Escape($"{p.Stage} {p.Detail}"); }
                }));
                foreach (var task in tasks.Values) { task.Value = task.MaxValue; }
            });
        return result;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        private readonly Lock _gate = new();

        public void Report(RunProgress value)
        {
            lock (_gate) { report(value); }
        }
    }
}
