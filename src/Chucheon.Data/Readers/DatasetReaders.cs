using System.Diagnostics;
using Chucheon.Configuration;
using Chucheon.Data.Synthetic;

namespace Chucheon.Data.Readers;

/// <summary>The entry point from configuration: reads the dataset a <see cref="DatasetSpec"/> describes.</summary>
public static class DatasetReaders
{
    /// <param name="spec">The validated <c>dataset:</c> section.</param>
    /// <param name="baseDirectory">Where relative paths start (the config file's folder); the current directory when null.</param>
    public static LoadResult Load(DatasetSpec spec, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var stopwatch = Stopwatch.StartNew();
        var report = new LoadReport();
        var options = spec.ToReadOptions();
        var format = spec.NormalizedFormat;
        var path = format == DatasetFormats.Synthetic ? "" : ResolvePath(spec.Path!, baseDirectory);
        var dataset = format switch
        {
            DatasetFormats.MovieLens100K => MovieLens100KReader.Load(Folder(path), options, report, spec.Name),
            DatasetFormats.MovieLens1M => MovieLens1MReader.Load(Folder(path), options, report, spec.Name),
            DatasetFormats.MovieLensLatest => MovieLensLatestReader.Load(Folder(path), options, report, spec.Name),
            DatasetFormats.Atomic => LoadAtomic(path, spec, options, report),
            DatasetFormats.UserItemLists => UserItemListsReader.Load(File(path), options, report, spec.Name),
            DatasetFormats.Csv => DelimitedReader.Load(File(path), spec.ToDelimitedLayout(), options, report, spec.Name),
            DatasetFormats.Parquet => ParquetInteractionReader.Load(File(path), spec.ToColumns(), options, report, spec.Name),
            DatasetFormats.Synthetic => SyntheticDataset.Generate(spec.ToSyntheticOptions(), spec.Name ?? "synthetic"),
            _ => throw new OptionsException("format", $"unknown format '{spec.Format}'."),
        };
        report.Elapsed = stopwatch.Elapsed;
        return new LoadResult(dataset, report);
    }

    public static string ResolvePath(string path, string? baseDirectory) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(baseDirectory ?? Environment.CurrentDirectory, path));

    /// <summary>An atomic dataset is named by its folder, or by its <c>.inter</c> file.</summary>
    private static InteractionDataset LoadAtomic(string path, DatasetSpec spec, ReadOptions options, LoadReport report)
    {
        if (path.EndsWith(".inter", StringComparison.OrdinalIgnoreCase) && System.IO.File.Exists(path))
        {
            return AtomicReader.Load(System.IO.Path.GetDirectoryName(path)!, spec.Name ?? System.IO.Path.GetFileNameWithoutExtension(path),
                spec.ToAtomicFields(), options, report);
        }

        return AtomicReader.Load(Folder(path), spec.Name, spec.ToAtomicFields(), options, report);
    }

    private static string Folder(string path) =>
        Directory.Exists(path) ? path : throw new OptionsException("path", $"folder not found: {path}");

    private static string File(string path) =>
        System.IO.File.Exists(path) ? path : throw new OptionsException("path", $"file not found: {path}");
}
