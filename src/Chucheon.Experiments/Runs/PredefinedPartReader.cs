using Chucheon.Data;
using Chucheon.Data.Readers;

namespace Chucheon.Experiments.Runs;

/// <summary>Reads one file of a predefined split (train, valid or test) into id maps shared by all three, using the
/// dataset section's format and column settings.</summary>
internal static class PredefinedPartReader
{
    public static InteractionLog Read(DatasetSpec spec, string path, IdMap users, IdMap items, IdMap eventTypes, LoadReport report)
    {
        var options = spec.ToReadOptions();
        return spec.NormalizedFormat switch
        {
            DatasetFormats.UserItemLists => UserItemListsReader.ReadLog(path, users, items, options, report),
            DatasetFormats.Csv => DelimitedReader.ReadLog(path, spec.ToDelimitedLayout(), users, items, eventTypes, options, report),
            DatasetFormats.Parquet => ParquetInteractionReader.ReadLog(path, spec.ToColumns(), users, items, eventTypes, options, report),
            DatasetFormats.MovieLens100K => MovieLens100KReader.ReadRatings(path, users, items, options, report),
            DatasetFormats.MovieLens1M => MovieLens1MReader.ReadRatings(path, users, items, options, report),
            _ => throw new NotSupportedException(
                $"split method 'predefined' reads {DatasetFormats.UserItemLists}, {DatasetFormats.Csv}, {DatasetFormats.Parquet}, " +
                $"{DatasetFormats.MovieLens100K} (u1.base/u1.test ...) or {DatasetFormats.MovieLens1M} files; dataset.format is '{spec.Format}'."),
        };
    }
}
