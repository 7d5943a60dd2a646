using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Data.Filters;
using Chucheon.Data.Readers;
using Chucheon.Data.Splits;
using Chucheon.Evaluation;
using Chucheon.Models;

namespace Chucheon.Experiments.Configuration;

/// <summary>A validated experiment: dataset, filters, split, model, evaluation, seed and outputs, as read from YAML.</summary>
/// <remarks>Every section binds onto a typed options class; an unknown key anywhere is an error naming the key and
/// its line, so a misspelt hyperparameter can never be silently ignored.</remarks>
public sealed class ExperimentConfig
{
    private static readonly string[] TopLevelKeys =
        ["name", "dataset", "filters", "split", "model", "evaluation", "seed", "output", "cache", "threads", "memory_limit_mb"];

    public string? Name { get; init; }

    public required DatasetSpec Dataset { get; init; }

    public required FilterSpec Filters { get; init; }

    public required SplitSpec Split { get; init; }

    public required string ModelAlias { get; init; }

    public required IModelOptions ModelOptions { get; init; }

    public required EvaluationSpec Evaluation { get; init; }

    public int Seed { get; init; } = 42;

    public required OutputSpec Output { get; init; }

    public bool Cache { get; init; } = true;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public long MemoryLimitMb { get; init; } = 8192;

    /// <summary>Directory that relative paths in the config resolve against (the config file's folder).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The config as parsed (after overrides), for the run record.</summary>
    public required Dictionary<string, object?> Raw { get; init; }

    public string DisplayName => Name ?? $"{ModelAlias}-{Dataset.Format}";

    /// <summary>Loads a config file; <paramref name="overrides"/> are <c>key.path=value</c> strings applied on top.</summary>
    public static ExperimentConfig Load(string path, IEnumerable<string>? overrides = null)
    {
        var document = YamlDocument.Load(path);
        document.ApplyOverrides(overrides);
        return FromDocument(document, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static ExperimentConfig Parse(string yaml, string baseDirectory, IEnumerable<string>? overrides = null, string source = "config")
    {
        var document = YamlDocument.Parse(yaml, source);
        document.ApplyOverrides(overrides);
        return FromDocument(document, baseDirectory);
    }

    private static ExperimentConfig FromDocument(YamlDocument document, string baseDirectory)
    {
        try
        {
            var root = document.Root;
            foreach (var key in root.Keys)
            {
                if (!TopLevelKeys.Contains(key, StringComparer.Ordinal))
                {
                    throw new OptionsException(key, $"unknown key. Known top-level keys: {string.Join(", ", TopLevelKeys)}.");
                }
            }

            var model = Section(root, "model", required: true);
            if (!model.TryGetValue("name", out var aliasValue) || aliasValue is not string alias || alias.Length == 0)
            {
                throw new OptionsException("model.name", "required: the model alias (e.g. pop, itemknn, ease, ials, bpr).");
            }

            var registration = ModelRegistry.Get(alias);
            var hyperparameters = model.Where(kv => kv.Key != "name").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

            return new ExperimentConfig
            {
                Name = Scalar(root, "name"),
                Dataset = OptionsBinder.Bind<DatasetSpec>(Section(root, "dataset", required: true), "dataset"),
                Filters = OptionsBinder.Bind<FilterSpec>(Section(root, "filters", required: false), "filters"),
                Split = OptionsBinder.Bind<SplitSpec>(Section(root, "split", required: true), "split"),
                ModelAlias = registration.Alias,
                ModelOptions = (IModelOptions)OptionsBinder.Bind(registration.OptionsType, hyperparameters, "model"),
                Evaluation = OptionsBinder.Bind<EvaluationSpec>(Section(root, "evaluation", required: false), "evaluation"),
                Output = OptionsBinder.Bind<OutputSpec>(Section(root, "output", required: false), "output"),
                Seed = IntScalar(root, "seed", 42, 0),
                Threads = IntScalar(root, "threads", Environment.ProcessorCount, 1),
                MemoryLimitMb = IntScalar(root, "memory_limit_mb", 8192, 16),
                Cache = (bool)(OptionsBinder.Convert(Scalar(root, "cache") ?? "true", typeof(bool), "cache") ?? true),
                BaseDirectory = baseDirectory,
                Raw = root,
            };
        }
        catch (OptionsException e)
        {
            throw document.Locate(e);
        }
    }

    private static Dictionary<string, object?> Section(Dictionary<string, object?> root, string key, bool required)
    {
        if (!root.TryGetValue(key, out var value) || value is null)
        {
            return required ? throw new OptionsException(key, "required section is missing.") : [];
        }

        return value as Dictionary<string, object?> ?? throw new OptionsException(key, "must be a mapping of keys.");
    }

    private static string? Scalar(Dictionary<string, object?> root, string key) =>
        root.TryGetValue(key, out var value) ? value as string ?? throw new OptionsException(key, "must be a single value.") : null;

    private static int IntScalar(Dictionary<string, object?> root, string key, int fallback, int minimum)
    {
        var text = Scalar(root, key);
        if (text is null) { return fallback; }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new OptionsException(key, $"'{text}' is not an integer.");
        }

        OptionChecks.AtLeast(value, minimum, key);
        return value;
    }
}
