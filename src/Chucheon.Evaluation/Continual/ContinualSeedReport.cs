using System.Globalization;
using System.Text;
using Chucheon.Data.Continual;

namespace Chucheon.Evaluation.Continual;

/// <summary>One method on one scenario, trained with one seed.</summary>
public sealed record SeededRun(int Seed, ContinualRun Run);

/// <summary>Loss on the tasks after the noisy one for one method and seed: mean over those tasks of
/// R_original(T_M, t) − R_noisy(T_M, t), so positive means the noisy task hurt.</summary>
public sealed record NoisyTaskLoss(string Method, int Seed, double Loss, IReadOnlyList<string> Tasks);

/// <summary>The same continual comparison repeated with several training seeds: mean and spread of the average
/// performance, of every task's BWT and of the loss after the noisy task, plus each seed's average so a claim can be
/// checked "on the mean" and "on every seed".</summary>
/// <remarks>Why: on ml-100k each task has about 139 test users, so one user moves an accuracy by 0.7 points and a BWT of
/// next_item's MRR@5 (≈ 0.01) by tens of percent; a single seed cannot separate methods at that scale.</remarks>
public static class ContinualSeedReport
{
    public static string Render(IReadOnlyList<SeededRun> runs, string title = "Continual user representation over seeds", string noisyTask = NoisyTask.DefaultName)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) { throw new ArgumentException("Nothing to report.", nameof(runs)); }
        var groups = Groups(runs);
        var seeds = runs.Select(r => r.Seed).Distinct().Order().ToArray();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {title}\n\nSeeds: {string.Join(", ", seeds)}. Cells are mean ± sample std [min, max] over seeds.\n\n");

        sb.Append("## Average performance and BWT\n\n");
        sb.Append("| method | scenario | seeds | average | mean BWT % | worst earlier-task BWT % |\n|---|---|---:|---|---|---|\n");
        foreach (var g in groups)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {g.Method} | {g.Scenario} | {g.Runs.Count} | {Format(Spread.Of(g.Runs.Select(r => r.Run.Summary.AveragePerformance)), "0.0000")} | {Format(Spread.Of(g.Runs.Select(r => r.Run.Summary.MeanBackward)), "+0.00;-0.00;0.00")} | {Format(Spread.Of(g.Runs.Select(r => WorstEarlierBackward(r.Run))), "+0.00;-0.00;0.00")} |\n");
        }

        sb.Append("\n## Average performance per seed\n\n| method | scenario |").Append(string.Concat(seeds.Select(s => $" seed {s} |"))).Append('\n');
        sb.Append("|---|---|").Append(string.Concat(seeds.Select(_ => "---:|"))).Append('\n');
        foreach (var g in groups)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {g.Method} | {g.Scenario} |");
            foreach (var seed in seeds)
            {
                var run = g.Runs.FirstOrDefault(r => r.Seed == seed);
                sb.Append(' ').Append(run is null ? "—" : Number(run.Run.Summary.AveragePerformance, "0.0000")).Append(" |");
            }

            sb.Append('\n');
        }

        foreach (var scenario in groups.GroupBy(g => g.Scenario))
        {
            var tasks = scenario.First().Runs[0].Run.Matrix.TaskNames;
            sb.Append(CultureInfo.InvariantCulture, $"\n## BWT % per task, {scenario.Key} order\n\n| method |");
            sb.Append(string.Concat(tasks.Take(tasks.Count - 1).Select(t => $" {t} |"))).Append('\n');
            sb.Append("|---|").Append(string.Concat(tasks.Take(tasks.Count - 1).Select(_ => "---|"))).Append('\n');
            foreach (var g in scenario)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {g.Method} |");
                for (var i = 0; i < tasks.Count - 1; i++)
                {
                    var task = i;
                    sb.Append(' ').Append(Format(Spread.Of(g.Runs.Select(r => r.Run.Summary.Backward[task])), "+0.00;-0.00;0.00")).Append(" |");
                }

                sb.Append('\n');
            }
        }

        var losses = NoisyLosses(runs, noisyTask);
        if (losses.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"\n## Loss after the noisy task (original − noisy final performance, mean over {string.Join(", ", losses[0].Tasks)}; positive = hurt)\n\n");
            sb.Append("| method | seeds | loss |").Append(string.Concat(seeds.Select(s => $" seed {s} |"))).Append("\n|---|---:|---|")
                .Append(string.Concat(seeds.Select(_ => "---:|"))).Append('\n');
            foreach (var method in losses.GroupBy(l => l.Method))
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {method.Key} | {method.Count()} | {Format(Spread.Of(method.Select(l => l.Loss)), "+0.0000;-0.0000;0.0000")} |");
                foreach (var seed in seeds)
                {
                    var loss = method.FirstOrDefault(l => l.Seed == seed);
                    sb.Append(' ').Append(loss is null ? "—" : Number(loss.Loss, "+0.0000;-0.0000;0.0000")).Append(" |");
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>For every method and seed that has both an original and a noisy run: the mean over the tasks after the
    /// noisy one (in the noisy order) of the original run's final performance minus the noisy run's.</summary>
    public static IReadOnlyList<NoisyTaskLoss> NoisyLosses(IReadOnlyList<SeededRun> runs, string noisyTask = NoisyTask.DefaultName)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var losses = new List<NoisyTaskLoss>();
        foreach (var noisy in runs.Where(r => r.Run.Scenario == "noisy"))
        {
            var original = runs.FirstOrDefault(r => r.Seed == noisy.Seed && r.Run.Method == noisy.Run.Method && r.Run.Scenario == "original");
            var noisyTasks = noisy.Run.Matrix.TaskNames.ToList();
            var position = noisyTasks.IndexOf(noisyTask);
            if (original is null || position < 0) { continue; }
            var originalTasks = original.Run.Matrix.TaskNames.ToList();
            var after = noisyTasks.Skip(position + 1).Where(originalTasks.Contains).ToArray();
            if (after.Length == 0) { continue; }
            var loss = after.Average(t => original.Run.Matrix.Final(originalTasks.IndexOf(t)) - noisy.Run.Matrix.Final(noisyTasks.IndexOf(t)));
            losses.Add(new NoisyTaskLoss(noisy.Run.Method, noisy.Seed, loss, after));
        }

        return losses;
    }

    /// <summary>The lowest BWT over tasks 1..M−1 (the last task cannot have been forgotten); NaN when none is defined.</summary>
    public static double WorstEarlierBackward(ContinualRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var earlier = run.Summary.Backward.Take(run.Summary.Backward.Count - 1).Where(b => !double.IsNaN(b)).ToArray();
        return earlier.Length == 0 ? double.NaN : earlier.Min();
    }

    private sealed record Group(string Method, string Scenario, List<SeededRun> Runs);

    private static List<Group> Groups(IReadOnlyList<SeededRun> runs)
    {
        var groups = new List<Group>();
        foreach (var run in runs)
        {
            var group = groups.FirstOrDefault(g => g.Method == run.Run.Method && g.Scenario == run.Run.Scenario);
            if (group is null)
            {
                groups.Add(new Group(run.Run.Method, run.Run.Scenario, [run]));
                continue;
            }

            if (group.Runs.Any(r => r.Seed == run.Seed))
            {
                throw new ArgumentException($"{run.Run.Method} / {run.Run.Scenario} appears twice for seed {run.Seed}.", nameof(runs));
            }

            if (!group.Runs[0].Run.Matrix.TaskNames.SequenceEqual(run.Run.Matrix.TaskNames))
            {
                throw new ArgumentException($"{run.Run.Method} / {run.Run.Scenario}: seed {run.Seed} saw a different task order.", nameof(runs));
            }

            group.Runs.Add(run);
        }

        return groups;
    }

    private static string Format(Spread spread, string format) => spread.Count == 0 ? "—"
        : spread.Count == 1 ? Number(spread.Mean, format)
        : $"{Number(spread.Mean, format)} ± {Number(spread.StandardDeviation, Unsigned(format))} [{Number(spread.Min, format)}, {Number(spread.Max, format)}]";

    // The spread is printed with the mean's precision but without its sign: the zero section of "+0.00;-0.00;0.00".
    private static string Unsigned(string format) => format.Split(';')[^1];

    private static string Number(double v, string format) => double.IsNaN(v) ? "—" : v.ToString(format, CultureInfo.InvariantCulture);
}
