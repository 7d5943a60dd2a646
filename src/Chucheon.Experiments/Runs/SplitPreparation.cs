using Chucheon.Data;
using Chucheon.Data.Caching;
using Chucheon.Data.Filters;
using Chucheon.Data.Readers;
using Chucheon.Data.Splits;
using Chucheon.Experiments.Configuration;

namespace Chucheon.Experiments.Runs;

/// <summary>The split a run evaluates on, with its fingerprint and what loading reported.</summary>
public sealed record PreparedSplit(DataSplit Split, string Fingerprint, bool CacheHit, IReadOnlyList<string> Reports);

/// <summary>Turns the dataset, filters and split sections of a config into a <see cref="DataSplit"/>, reusing the
/// on-disk cache when the fingerprint of (source files, dataset, filters, split, seed) matches.</summary>
public static class SplitPreparation
{
    public static PreparedSplit Prepare(ExperimentConfig config)
    {
        var sources = SourceFiles(config);
        var fingerprint = DatasetFingerprint.Compute(sources, config.Dataset, config.Filters, config.Split, config.Seed);
        // Predefined split files live beside the dataset folder's other files, which SourceFiles already covers.
        var cache = config.Cache ? new DatasetCache() : null;
        if (cache is not null && cache.TryLoad(fingerprint, out var cached))
        {
            return new PreparedSplit(cached, fingerprint.Short, CacheHit: true, [$"split loaded from cache {fingerprint.Short}"]);
        }

        var reports = new List<string>();
        var split = IsPredefined(config) ? LoadPredefined(config, reports) : LoadAndSplit(config, reports);
        cache?.Save(fingerprint, split);
        return new PreparedSplit(split, fingerprint.Short, CacheHit: false, reports);
    }

    private static bool IsPredefined(ExperimentConfig config) => config.Split.Method == SplitMethod.Predefined;

    private static DataSplit LoadAndSplit(ExperimentConfig config, List<string> reports)
    {
        var loaded = DatasetReaders.Load(config.Dataset, config.BaseDirectory);
        reports.Add(loaded.Report.ToString());
        var (filtered, filterReport) = DatasetFilters.Apply(loaded.Dataset, config.Filters);
        reports.Add(filterReport.ToString());
        return Splitters.Split(filtered, config.Split, config.Seed);
    }

    /// <summary>Train, validation and test files read into one shared id space; the train file defines the dataset.</summary>
    private static DataSplit LoadPredefined(ExperimentConfig config, List<string> reports)
    {
        var spec = config.Split;
        var users = new IdMap();
        var items = new IdMap();
        var eventTypes = new IdMap();
        var report = new LoadReport();
        var train = PredefinedPartReader.Read(config.Dataset, Resolve(config, spec.Train, "split.train"), users, items, eventTypes, report);
        var validation = spec.Valid is null
            ? InteractionLog.Empty
            : PredefinedPartReader.Read(config.Dataset, Resolve(config, spec.Valid, "split.valid"), users, items, eventTypes, report);
        var test = PredefinedPartReader.Read(config.Dataset, Resolve(config, spec.Test, "split.test"), users, items, eventTypes, report);
        reports.Add(report.ToString());
        var name = config.Dataset.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(ResolveDatasetFolder(config)));
        // Built only after all three files are read: cold items first seen in valid/test must be in the catalog.
        var trainDataset = new InteractionDataset(name, users, items, train, eventTypes: train.EventTypes is null ? null : eventTypes);
        return PredefinedSplit.Create(trainDataset, validation, test);
    }

    private static string ResolveDatasetFolder(ExperimentConfig config) =>
        Path.GetFullPath(Path.Combine(config.BaseDirectory, config.Dataset.Path ?? "."));

    private static string Resolve(ExperimentConfig config, string? file, string key)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            throw new Configuration.ConfigException("config", 0, key, "required for split method 'predefined'.");
        }

        var path = Path.IsPathRooted(file) ? file : Path.Combine(ResolveDatasetFolder(config), file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"'{key}': file not found: {path}", path);
    }

    /// <summary>The files whose bytes define the data: the dataset path (every file in it when it is a folder) and
    /// the predefined split files.</summary>
    private static List<string> SourceFiles(ExperimentConfig config)
    {
        var files = new List<string>();
        if (config.Dataset.Path is { Length: > 0 } path)
        {
            var full = Path.GetFullPath(Path.Combine(config.BaseDirectory, path));
            if (File.Exists(full)) { files.Add(full); }
            else if (Directory.Exists(full)) { files.AddRange(Directory.GetFiles(full).Order(StringComparer.Ordinal)); }
        }

        return files;
    }
}
