using System.Diagnostics;
using System.Globalization;
using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Models;
using Chucheon.Neural;
using Chucheon.Neural.Runtime;

// Stand-alone measurement harness for the neural models until `chucheon run` covers them. Usage:
//   ml1m <alias|ease|itemknn> [key=value ...]        fit on train.txt, early-stop on valid.txt, report test.txt
//   ml100k-heldout <alias> [key=value ...]           strong generalisation: 10% users held out, 80% fold-in
// Metrics: Recall@20 = hits / |relevant| and NDCG@20 (binary gains), training items excluded from ranking.
TorchRuntime.PrepareNativeEnvironment();
NeuralModels.Register();
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ml1m|ml100k-heldout <model> [key=value ...]");
    return 2;
}

var hyper = args.Skip(2).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => (object?)p[1]);
var seed = hyper.Remove("seed", out var s) ? int.Parse((string)s!, CultureInfo.InvariantCulture) : 42;
return args[0] switch
{
    "ml1m" => Harness.Ml1m(args[1], hyper, seed),
    "ml100k-heldout" => Harness.HeldOut(args[1], hyper, seed),
    _ => 2,
};

internal static class Harness
{
    private const int K = 20;

    public static int Ml1m(string alias, Dictionary<string, object?> hyper, int seed)
    {
        var dir = SharedDatasets.Folder("ml-1m-lightgcnpp");
        var train = ReadAdjacency(Path.Combine(dir, "train.txt"));
        var valid = ReadAdjacency(Path.Combine(dir, "valid.txt"));
        var test = ReadAdjacency(Path.Combine(dir, "test.txt"));
        var users = new[] { train, valid, test }.Max(m => m.Count);
        var items = new[] { train, valid, test }.SelectMany(m => m.Values).SelectMany(v => v).Max() + 1;
        var dataset = Dataset(train, users, items);
        var history = dataset.UserItems;
        var everyone = Enumerable.Range(0, users).ToArray();
        Console.WriteLine($"ml-1m-lightgcnpp: {users} users, {items} items, {history.NonZeros} train interactions");
        var validTargets = Targets(valid, users);
        var testTargets = Targets(test, users);
        var fit = Fit(alias, hyper, seed, dataset, scorer => Evaluate(scorer, everyone, history, validTargets).Ndcg);
        var watch = Stopwatch.StartNew();
        var cpu = CpuNow();
        // Test ranking excludes every known interaction (train and valid); the model still scores from train only.
        var known = Dataset(train.Concat(valid).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.SelectMany(kv => kv.Value).ToArray()), users, items).UserItems;
        var (recall, ndcg) = Evaluate(fit.Scorer, everyone, history, testTargets, known);
        var inference = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inference (score + top-20, all users): {inference:F2} s wall, {CpuNow() - cpu:F2} s CPU"));
        var (vr, vn) = Evaluate(fit.Scorer, everyone, history, validTargets);
        Report(alias, hyper, fit, vr, vn, recall, ndcg, inference);
        return 0;
    }

    public static int HeldOut(string alias, Dictionary<string, object?> hyper, int seed)
    {
        // ml-100k, ratings >= 4 as positives (Liang et al.'s preprocessing); users split 80/10/10 by a seeded shuffle.
        var rows = File.ReadLines(Path.Combine(SharedDatasets.Folder("ml-100k"), "u.data"))
            .Select(l => l.Split('\t')).Where(p => int.Parse(p[2], CultureInfo.InvariantCulture) >= 4)
            .Select(p => (User: int.Parse(p[0], CultureInfo.InvariantCulture) - 1, Item: int.Parse(p[1], CultureInfo.InvariantCulture) - 1)).ToArray();
        var byUser = rows.GroupBy(r => r.User).ToDictionary(g => g.Key, g => g.Select(r => r.Item).ToArray());
        var users = 943;
        var items = 1682;
        var rng = new Random(seed);
        var order = byUser.Keys.Order().ToArray();
        rng.Shuffle(order);
        var n = order.Length / 10;
        var validUsers = order[..n];
        var testUsers = order[n..(2 * n)];
        var trainMap = order[(2 * n)..].ToDictionary(u => u, u => byUser[u]);
        var foldIn = new Dictionary<int, int[]>();
        var targets = new Dictionary<int, int[]>();
        foreach (var u in validUsers.Concat(testUsers))
        {
            var list = byUser[u].ToArray();
            rng.Shuffle(list);
            var cut = (int)Math.Round(list.Length * 0.8);
            foldIn[u] = list[..cut];
            targets[u] = list[cut..];
        }

        var dataset = Dataset(trainMap, users, items);
        var history = Dataset(trainMap.Concat(foldIn).ToDictionary(), users, items).UserItems;
        var validTargets = Targets(validUsers.ToDictionary(u => u, u => targets[u]), users);
        var testTargets = Targets(testUsers.ToDictionary(u => u, u => targets[u]), users);
        Console.WriteLine($"ml-100k held-out users: {trainMap.Count} train users, {validUsers.Length} valid, {testUsers.Length} test, {items} items");
        var fit = Fit(alias, hyper, seed, dataset, scorer => Evaluate(scorer, validUsers, history, validTargets).Ndcg);
        var (vr, vn) = Evaluate(fit.Scorer, validUsers, history, validTargets);
        var watch = Stopwatch.StartNew();
        var (recall, ndcg) = Evaluate(fit.Scorer, testUsers, history, testTargets);
        Report(alias, hyper, fit, vr, vn, recall, ndcg, watch.Elapsed.TotalSeconds);
        return 0;
    }

    private sealed record FitResult(IItemScorer Scorer, double Seconds, IReadOnlyList<Chucheon.Neural.Training.EpochRecord> Epochs, double CpuSeconds);

    private static double CpuNow() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static FitResult Fit(string alias, Dictionary<string, object?> hyper, int seed, InteractionDataset data, Func<IItemScorer, double> validate)
    {
        var context = new FitContext
        {
            Seed = seed,
            Validate = validate,
            ValidationMetric = "NDCG@20",
            Progress = new Progress<FitProgress>(p => Console.WriteLine($"  {p.Detail ?? p.Stage}")),
        };
        var watch = Stopwatch.StartNew();
        var cpu = CpuNow();
        IItemScorer scorer;
        IReadOnlyList<Chucheon.Neural.Training.EpochRecord> epochs = [];
        switch (alias)
        {
            case "ease":
                scorer = Baselines.Ease(data, hyper.TryGetValue("reg", out var r) ? double.Parse((string)r!, CultureInfo.InvariantCulture) : 500);
                break;
            case "itemknn":
                scorer = Baselines.ItemKnn(data, hyper.TryGetValue("k", out var k) ? int.Parse((string)k!, CultureInfo.InvariantCulture) : 100);
                break;
            default:
                var model = ModelRegistry.Create(alias, hyper);
                model.Fit(data, context);
                scorer = model;
                epochs = (IReadOnlyList<Chucheon.Neural.Training.EpochRecord>?)model.GetType().GetProperty("TrainingHistory")?.GetValue(model) ?? [];
                break;
        }

        return new FitResult(scorer, watch.Elapsed.TotalSeconds, epochs, CpuNow() - cpu);
    }

    private static void Report(string alias, Dictionary<string, object?> hyper, FitResult fit, double validRecall, double validNdcg, double recall, double ndcg, double inference)
    {
        var trainEpochs = fit.Epochs.Count;
        var perEpoch = trainEpochs == 0 ? 0 : fit.Epochs.Average(e => e.Seconds);
        var best = fit.Epochs.Where(e => e.Metric is not null).OrderByDescending(e => e.Metric).FirstOrDefault();
        var peakMb = PeakMemoryMb();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {alias} {string.Join(' ', hyper.Select(h => $"{h.Key}={h.Value}"))} | valid R@20 {validRecall:F4} N@20 {validNdcg:F4} | test R@20 {recall:F4} N@20 {ndcg:F4} | fit {fit.Seconds:F1} s ({fit.CpuSeconds:F1} s CPU incl. validation), {trainEpochs} epochs, {perEpoch:F2} s/epoch (train only), best epoch {best.Epoch + 1} | inference {inference:F2} s | peak RSS {peakMb} MB"));
    }

    private static long PeakMemoryMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static Dictionary<int, int[]> ReadAdjacency(string path)
    {
        var result = new Dictionary<int, int[]>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) { continue; }
            result[int.Parse(parts[0], CultureInfo.InvariantCulture)] = parts.Skip(1).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        }

        return result;
    }

    private static InteractionDataset Dataset(Dictionary<int, int[]> map, int users, int items)
    {
        var u = map.SelectMany(kv => kv.Value.Select(_ => kv.Key)).ToArray();
        var i = map.SelectMany(kv => kv.Value).ToArray();
        return new InteractionDataset("harness",
            new IdMap(Enumerable.Range(0, users).Select(x => x.ToString(CultureInfo.InvariantCulture))),
            new IdMap(Enumerable.Range(0, items).Select(x => x.ToString(CultureInfo.InvariantCulture))),
            new InteractionLog(u, i));
    }

    private static HashSet<int>[] Targets(Dictionary<int, int[]> map, int users)
    {
        var result = new HashSet<int>[users];
        for (var u = 0; u < users; u++) { result[u] = map.TryGetValue(u, out var list) ? [.. list] : []; }
        return result;
    }

    /// <summary>Mean Recall@20 and NDCG@20 over users with at least one target; items in <paramref name="history"/>
    /// (or <paramref name="exclude"/>) are excluded from the ranking.</summary>
    public static (double Recall, double Ndcg) Evaluate(IItemScorer scorer, int[] users, CsrMatrix history, HashSet<int>[] targets, CsrMatrix? exclude = null)
    {
        exclude ??= history;
        var evaluated = users.Where(u => targets[u].Count > 0).ToArray();
        var items = scorer.ItemCount;
        const int batch = 512;
        var scores = new float[batch * items];
        double recall = 0, ndcg = 0;
        var idx = new int[K];
        var val = new float[K];
        for (var start = 0; start < evaluated.Length; start += batch)
        {
            var count = Math.Min(batch, evaluated.Length - start);
            scorer.Score(evaluated.AsSpan(start, count), history, scores.AsSpan(0, count * items));
            for (var r = 0; r < count; r++)
            {
                var u = evaluated[start + r];
                var row = scores.AsSpan(r * items, items);
                foreach (var seen in exclude.RowIndices(u)) { row[seen] = float.NegativeInfinity; }
                var n = TopK.Select(row, K, idx, val);
                double hits = 0, dcg = 0, idcg = 0;
                for (var i = 0; i < n; i++)
                {
                    if (targets[u].Contains(idx[i])) { hits++; dcg += 1 / Math.Log2(i + 2); }
                }

                for (var i = 0; i < Math.Min(K, targets[u].Count); i++) { idcg += 1 / Math.Log2(i + 2); }
                recall += hits / targets[u].Count;
                ndcg += dcg / idcg;
            }
        }

        return (recall / evaluated.Length, ndcg / evaluated.Length);
    }
}
