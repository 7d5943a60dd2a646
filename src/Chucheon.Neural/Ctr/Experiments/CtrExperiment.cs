using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chucheon.Configuration;
using Chucheon.Models;

namespace Chucheon.Neural.Ctr.Experiments;

/// <summary>One CTR run from a parsed config (<c>task: ctr</c>; sections <c>dataset</c>, <c>model</c>, <c>training</c>,
/// <c>seed</c>, <c>threads</c>, <c>name</c>): load and split, fit with early stopping on validation AUC, optionally refit
/// on train ∪ validation (<see cref="CtrTrainingOptions.RefitOnValidation"/>), evaluate the test part, write
/// <c>metrics.json</c>, the model, and <c>attention.json</c> for attention models.</summary>
public static class CtrExperiment
{
    private static readonly HashSet<string> TopLevelKeys = ["task", "name", "dataset", "model", "training", "seed", "threads"];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Runs the experiment; <paramref name="outputDirectory"/> null skips writing files.
    /// <paramref name="evaluateTest"/> false leaves the test part unread (empty test metrics), for tuning runs that
    /// must choose settings on validation alone; it also skips the refit, whose model could only be judged on test.</summary>
    public static CtrRunResult Run(IReadOnlyDictionary<string, object?> root, string baseDirectory, string? outputDirectory, IProgress<FitProgress>? progress = null, bool evaluateTest = true)
    {
        foreach (var key in root.Keys)
        {
            if (!TopLevelKeys.Contains(key)) { throw new OptionsException(key, $"unknown key. Known keys: {string.Join(", ", TopLevelKeys.Order())}."); }
        }

        var dataset = DatasetSpec(root);
        var modelSection = new Dictionary<string, object?>(Section(root, "model"));
        if (!modelSection.Remove("name", out var alias) || alias is not string modelAlias) { throw new OptionsException("model.name", "name the CTR model."); }
        var seed = root.TryGetValue("seed", out var s) && s is not null ? int.Parse(s.ToString()!, CultureInfo.InvariantCulture) : 42;
        var threads = root.TryGetValue("threads", out var t) && t is not null ? int.Parse(t.ToString()!, CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var training = TrainingOptions(root);
        using var model = CtrModels.Create(modelAlias, modelSection);
        if (training.RefitOnValidation)
        {
            // Fail on an unreplayable schedule before spending the first fit.
            CtrRefitPlan.RateMilestones(model.Options, [], 0);
        }

        var data = CtrDataLoader.Load(dataset, baseDirectory, seed);
        var split = data.Split;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        model.Fit(split.Train, split.Validation.Count > 0 ? split.Validation : null, new FitContext { Seed = seed, Threads = threads, Progress = progress });
        var fitSeconds = watch.Elapsed.TotalSeconds;
        var fitCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var validation = split.Validation.Count > 0 ? model.Evaluate(split.Validation) : null;
        var test = evaluateTest ? model.Evaluate(split.Test) : null;
        var history = model.TrainingHistory;
        CtrModel? refitModel = null;
        CtrRefitResult? refit = null;
        if (training.RefitOnValidation && evaluateTest)
        {
            if (validation is null) { throw new OptionsException("training.refit_on_validation", "needs a validation part (validation_fraction > 0) to choose the epochs."); }
            var refitData = data.WithValidationInTraining();
            var plan = CtrRefitPlan.Replay(model.BestEpoch + 1, CtrRefitPlan.RateMilestones(model.Options, model.LearningRateDrops, history.Count),
                split.Train.Count, refitData.Split.Train.Count, training.RefitEpochs);
            progress?.Report(new FitProgress("refit", 0, plan.Epochs, string.Create(CultureInfo.InvariantCulture,
                $"{model.Alias} refit on train + validation ({refitData.Split.Train.Count} rows): {plan.Epochs} epochs, rate × lr_gamma after epochs [{string.Join(", ", plan.LrMilestones)}]")));
            refitModel = CtrModels.Create(modelAlias, plan.ModelSection(modelSection));
            var refitCpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            refitModel.Fit(refitData.Split.Train, null, new FitContext { Seed = seed, Threads = threads, Progress = progress });
            var refitSeconds = watch.Elapsed.TotalSeconds;
            refit = new CtrRefitResult(training.RefitEpochs, plan.Epochs, plan.LrMilestones, refitData.Split.Train.Count, refitData.Split.Train.Layout.FeatureCount,
                refitSeconds, (Process.GetCurrentProcess().TotalProcessorTime - refitCpu).TotalSeconds, Metrics(test!));
            test = refitModel.Evaluate(refitData.Split.Test);
            data = refitData;
        }

        using var refitOwner = refitModel;
        var final = refitModel ?? model;
        var result = new CtrRunResult(
            dataset.Format.ToString().ToLowerInvariant(), model.Alias,
            string.Create(CultureInfo.InvariantCulture, $"random rows {dataset.TrainFraction:0.##}/{dataset.ValidationFraction:0.##}/{1 - dataset.TrainFraction - dataset.ValidationFraction:0.##} seed {seed}"),
            test is null ? [] : Metrics(test), validation is null ? [] : Metrics(validation),
            split.Train.Count, split.Validation.Count, split.Test.Count, split.Train.Layout.FeatureCount,
            model.BestEpoch + 1, history.Count, fitSeconds, fitCpu,
            history.Count == 0 ? 0 : history.Average(h => h.Seconds),
            test?.Seconds ?? 0, test?.CpuSeconds ?? 0, seed, OptionsBinder.Describe(model.Options), refit);
        if (outputDirectory is not null)
        {
            Directory.CreateDirectory(outputDirectory);
            File.WriteAllText(Path.Combine(outputDirectory, "metrics.json"), JsonSerializer.Serialize(result, Json));
            File.WriteAllText(Path.Combine(outputDirectory, "history.json"), JsonSerializer.Serialize(history, Json));
            File.WriteAllText(Path.Combine(outputDirectory, "encoder.json"), JsonSerializer.Serialize(data.Encoder.State, Json));
            if (refitModel is not null)
            {
                File.WriteAllText(Path.Combine(outputDirectory, "refit_history.json"), JsonSerializer.Serialize(refitModel.TrainingHistory, Json));
            }

            final.Save(Path.Combine(outputDirectory, "model"));
            if (evaluateTest && final.DumpAttention(data.Split.Test) is { } attention)
            {
                File.WriteAllText(Path.Combine(outputDirectory, "attention.json"), JsonSerializer.Serialize(attention, Json));
            }
        }

        return result;
    }

    private static SortedDictionary<string, double> Metrics(CtrMetrics m) => new(StringComparer.Ordinal)
    {
        ["auc"] = m.Auc,
        ["logloss"] = m.LogLoss,
        ["gauc"] = m.GroupAuc,
    };

    /// <summary>The config's <c>dataset</c> section, bound and validated.</summary>
    public static CtrDatasetSpec DatasetSpec(IReadOnlyDictionary<string, object?> root) =>
        OptionsBinder.Bind<CtrDatasetSpec>(Section(root, "dataset"), "dataset");

    /// <summary>The config's optional <c>training</c> section (the protocol around the model's own training keys).</summary>
    public static CtrTrainingOptions TrainingOptions(IReadOnlyDictionary<string, object?> root) =>
        root.ContainsKey("training") ? OptionsBinder.Bind<CtrTrainingOptions>(Section(root, "training"), "training") : new CtrTrainingOptions();

    private static IReadOnlyDictionary<string, object?> Section(IReadOnlyDictionary<string, object?> root, string name) =>
        root.TryGetValue(name, out var value) && value is IReadOnlyDictionary<string, object?> section
            ? section
            : root.TryGetValue(name, out var v2) && v2 is Dictionary<string, object?> d ? d : throw new OptionsException(name, "a section is required.");
}
