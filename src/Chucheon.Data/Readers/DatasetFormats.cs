namespace Chucheon.Data.Readers;

/// <summary>The <c>format:</c> values a dataset section accepts.</summary>
public static class DatasetFormats
{
    public const string MovieLens100K = "movielens-100k";
    public const string MovieLens1M = "movielens-1m";
    public const string MovieLensLatest = "movielens-latest";
    public const string Atomic = "atomic";
    public const string UserItemLists = "user-item-lists";
    public const string Csv = "csv";
    public const string Parquet = "parquet";
    public const string Synthetic = "synthetic";

    public static IReadOnlyList<string> All { get; } =
        [MovieLens100K, MovieLens1M, MovieLensLatest, Atomic, UserItemLists, Csv, Parquet, Synthetic];

    /// <summary>Formats whose interaction columns are chosen by the config (the column keys apply only to these).</summary>
    public static IReadOnlyList<string> WithColumnMapping { get; } = [Csv, Parquet, Atomic];
}
