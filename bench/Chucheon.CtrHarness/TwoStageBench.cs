using System.Diagnostics;
using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Data.Readers;
using Chucheon.Data.Splits;
using Chucheon.Evaluation;
using Chucheon.Experiments.Configuration;
using Chucheon.Models;
using Chucheon.Neural.Ctr;
using Chucheon.Neural.Ctr.Ranking;

namespace Chucheon.CtrHarness;

/// <summary>MovieLens 100K: EASE alone vs EASE retrieving <c>candidates</c> items re-ranked by a CTR model with user
/// and item features, both through <see cref="RankingEvaluator"/> (full catalog, history excluded) on one split.
/// Config sections: <c>dataset.path</c>, <c>split</c>, <c>retriever</c>, <c>ranker</c>, <c>ctr</c>
/// (<c>click_min_rating</c>, <c>negatives_per_click</c>, <c>low_ratings_as_negatives</c>, <c>min_count</c>,
/// <c>training_rows</c>, <c>folds</c>, <c>blend_weights</c>, <c>blend_metric</c>), <c>candidates</c>, <c>evaluation</c>,
/// <c>seed</c>. With <c>blend_weights</c> (candidate rankers), each weight of the standardised retriever score
/// (<see cref="TwoStageScorer.RetrieverWeight"/>) is scored on validation and the best by <c>blend_metric</c>
/// (NDCG@10) is the one reported.</summary>
internal static class TwoStageBench
{
    // --no-test: tuning runs report validation only, so that settings are never chosen by looking at test.
    private static bool _validationOnly;

    public static int Run(string path, List<string> overrides, bool validationOnly)
    {
        var document = YamlDocument.Load(path);
        document.ApplyOverrides(overrides);
        try
        {
            _validationOnly = validationOnly;
            return Run(document.Root, Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (OptionsException e)
        {
            throw document.Locate(e);
        }
    }

    private static int Run(Dictionary<string, object?> root, string baseDirectory)
    {
        var seed = int.Parse(root["seed"]?.ToString() ?? "42", CultureInfo.InvariantCulture);
        var folder = Path.GetFullPath(Path.Combine(baseDirectory, Section(root, "dataset")["path"]!.ToString()!));
        var splitSpec = OptionsBinder.Bind<SplitSpec>(Section(root, "split"), "split");
        var evaluation = OptionsBinder.Bind<EvaluationSpec>(Section(root, "evaluation"), "evaluation");
        var candidates = int.Parse(root["candidates"]?.ToString() ?? "200", CultureInfo.InvariantCulture);
        var ctr = Section(root, "ctr");
        double Number(string key, double fallback) => ctr.TryGetValue(key, out var v) && v is not null ? double.Parse(v.ToString()!, CultureInfo.InvariantCulture) : fallback;

        var dataset = MovieLens100KReader.Load(folder);
        var split = Splitters.Split(dataset, splitSpec, seed);
        Console.WriteLine($"ml-100k split: {split.Train.Log.Count} train, {split.Validation.Count} validation, {split.Test.Count} test interactions");

        var retrieverSection = new Dictionary<string, object?>(Section(root, "retriever"));
        retrieverSection.Remove("name", out var retrieverAlias);
        var retriever = ModelRegistry.Create(retrieverAlias!.ToString()!, retrieverSection);
        var watch = Stopwatch.StartNew();
        retriever.Fit(split.Train, new FitContext { Seed = seed });
        Console.WriteLine($"load average {Program.LoadAverage()}");
        Console.WriteLine($"{retriever.Alias} fit {watch.Elapsed.TotalSeconds:F1} s");

        var features = new MovieLensCtrFeatures(split.Train);
        var rankerSection = new Dictionary<string, object?>(Section(root, "ranker"));
        rankerSection.Remove("name", out var rankerAlias);
        var trainingRows = ctr.TryGetValue("training_rows", out var rowsKind) ? rowsKind?.ToString() ?? "sampled" : "sampled";
        if (trainingRows == "candidates")
        {
            IItemScorer FitRetriever(InteractionDataset part)
            {
                var model = ModelRegistry.Create(retrieverAlias.ToString()!, retrieverSection);
                model.Fit(part, new FitContext { Seed = seed });
                return model;
            }

            var candidateRanker = CandidateRanker.Fit(split, retriever, FitRetriever, features, rankerAlias!.ToString()!, rankerSection,
                candidates, (int)Number("folds", 5), (int)Number("min_count", 1), seed);
            var scorer = ChooseBlend(candidateRanker.Scorer, ctr, split, evaluation, seed);
            Report(split, evaluation, seed, candidates, retriever, $"{candidateRanker.Ranker.Alias} (retriever weight {scorer.RetrieverWeight.ToString(CultureInfo.InvariantCulture)})", scorer);
            candidateRanker.Ranker.Dispose();
            return 0;
        }

        if (trainingRows != "sampled") { throw new OptionsException("ctr.training_rows", $"'{trainingRows}' is not 'sampled' or 'candidates'."); }
        var known = split.Train.UserItems;
        var clickMin = Number("click_min_rating", 4);
        var negatives = (int)Number("negatives_per_click", 4);
        var lowAsNegative = !ctr.TryGetValue("low_ratings_as_negatives", out var low) || !string.Equals(low?.ToString(), "false", StringComparison.OrdinalIgnoreCase);
        var rawTrain = features.Build(split.Train.Log, known, clickMin, negatives, lowAsNegative, seed);
        var rawValidation = features.Build(split.Validation, known, clickMin, negatives, lowAsNegative, seed + 1);
        var encoder = CtrEncoder.Fit(MovieLensCtrFeatures.Schema(), rawTrain, (int)Number("min_count", 1));
        var train = encoder.Encode(rawTrain);
        var validation = encoder.Encode(rawValidation);
        Console.WriteLine($"CTR rows: {train.Count} train ({train.PositiveRate:P1} clicks), {validation.Count} validation; {train.Layout.FeatureCount} features");

        using var ranker = CtrModels.Create(rankerAlias!.ToString()!, rankerSection);
        watch.Restart();
        ranker.Fit(train, validation, new FitContext { Seed = seed, Progress = new SyncProgress(p => Console.Error.WriteLine(p.Detail)) });
        var ctrMetrics = ranker.Evaluate(validation);
        Console.WriteLine($"{ranker.Alias} fit {watch.Elapsed.TotalSeconds:F1} s; validation AUC {ctrMetrics.Auc:F4} GAUC {ctrMetrics.GroupAuc:F4}");

        var pairs = new MovieLensPairEncoder(encoder, features, split.Train.UserCount, split.Train.ItemCount);
        Report(split, evaluation, seed, candidates, retriever, ranker.Alias, TwoStageScorer.ForMovieLens(retriever, ranker, pairs, candidates));
        return 0;
    }

    /// <summary>The blend weight with the best validation <c>blend_metric</c> (ties to the first listed); the scorer
    /// unchanged when no <c>blend_weights</c> are configured.</summary>
    private static TwoStageScorer ChooseBlend(TwoStageScorer scorer, IReadOnlyDictionary<string, object?> ctr, DataSplit split, EvaluationSpec evaluation, int seed)
    {
        if (!ctr.TryGetValue("blend_weights", out var listed) || listed is null) { return scorer; }
        // A YAML list, or "0,0.5,1" from --set.
        var items = listed switch
        {
            string text => text.Trim('[', ']').Split(',').Select(t => (object?)t.Trim()),
            IEnumerable<object?> list => list,
            _ => throw new OptionsException("ctr.blend_weights", "a list of numbers is required."),
        };
        var weights = items.Select((w, i) => float.TryParse(w?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v)
            ? v : throw new OptionsException($"ctr.blend_weights[{i}]", $"'{w}' is not a number.")).ToArray();
        if (weights.Length == 0) { throw new OptionsException("ctr.blend_weights", "list at least one weight."); }
        var metric = ctr.TryGetValue("blend_metric", out var m) && m is not null ? m.ToString()! : "NDCG@10";
        TwoStageScorer? best = null;
        var bestValue = double.NegativeInfinity;
        foreach (var weight in weights)
        {
            var candidate = scorer.WithRetrieverWeight(weight);
            var report = RankingEvaluator.Evaluate(candidate, split, evaluation, EvaluationTarget.Validation, seed);
            if (!report.Metrics.TryGetValue(metric, out var value)) { throw new OptionsException("ctr.blend_metric", $"'{metric}' is not among the evaluated metrics: {string.Join(", ", report.Metrics.Keys)}."); }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blend: retriever weight {weight} validation {metric} {value:F4}"));
            if (value > bestValue) { (best, bestValue) = (candidate, value); }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blend: chosen retriever weight {best!.RetrieverWeight} (validation {metric} {bestValue:F4})"));
        return best!;
    }

    private static void Report(DataSplit split, EvaluationSpec evaluation, int seed, int candidates, IRecommender retriever, string rankerAlias, IItemScorer twoStage)
    {
        var watch = Stopwatch.StartNew();
        Console.WriteLine("| scorer | part | " + string.Join(" | ", evaluation.ResolvedMetrics().SelectMany(_ => evaluation.Cutoffs(), (m, k) => $"{m.Name}@{k}").Distinct()) + " | seconds |");
        foreach (var target in _validationOnly ? [EvaluationTarget.Validation] : new[] { EvaluationTarget.Validation, EvaluationTarget.Test })
        {
            foreach (var (name, scorer) in new (string, IItemScorer)[] { (retriever.Alias, retriever), ($"{retriever.Alias} top-{candidates} → {rankerAlias}", twoStage) })
            {
                watch.Restart();
                var report = RankingEvaluator.Evaluate(scorer, split, evaluation, target, seed);
                Console.WriteLine($"| {name} | {target} | " + string.Join(" | ", report.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:F4}")) + $" | {watch.Elapsed.TotalSeconds:F1} |");
            }
        }
    }

    private static IReadOnlyDictionary<string, object?> Section(Dictionary<string, object?> root, string name) =>
        root.TryGetValue(name, out var v) && v is IReadOnlyDictionary<string, object?> d ? d : throw new OptionsException(name, "a section is required.");
}
