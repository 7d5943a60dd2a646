using Chucheon.Data.Readers.Building;
using Chucheon.Data.Readers.Text;

namespace Chucheon.Data.Readers;

/// <summary>The MovieLens "latest" folders, full or small (format <c>movielens-latest</c>): <c>ratings.csv</c>,
/// <c>movies.csv</c> (quoted titles that contain commas), and <c>tags.csv</c> when present. UTF-8, CRLF or LF.</summary>
/// <remarks>
/// Ids and catalog-only entities as in <see cref="MovieLens100KReader"/>. Item features: <c>title</c>, <c>year</c>
/// (from the title), <c>genres</c> ("(no genres listed)" is an empty set) and, with tags.csv, <c>tags</c>: the distinct
/// tags anyone applied to the movie, lower-cased so that "Dark comedy" and "dark comedy" are one tag. Tag rows are side
/// information, not interactions. No user features: the dataset has none.
/// </remarks>
public static class MovieLensLatestReader
{
    private const string NoGenres = "(no genres listed)";

    /// <summary>The layout of <c>ratings.csv</c>.</summary>
    public static DelimitedLayout RatingsLayout { get; } = new()
    {
        Columns = new InteractionColumns { User = "userId", Item = "movieId", Rating = "rating", Timestamp = "timestamp" },
    };

    public static InteractionDataset Load(string folder, ReadOptions? options = null, LoadReport? report = null, string? name = null)
    {
        options ??= ReadOptions.Default;
        report ??= new LoadReport();
        var users = new IdMap();
        var items = new IdMap();
        var log = DelimitedReader.ReadLog(Path.Combine(folder, "ratings.csv"), RatingsLayout, users, items, null, options, report);
        var features = ReadMovies(folder, items, options, report);
        ReadTags(folder, items, features, options, report);
        return new InteractionDataset(name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), users, items, log,
            itemFeatures: features.Build(items.Count));
    }

    private static FeatureTableBuilder ReadMovies(string folder, IdMap items, ReadOptions options, LoadReport report)
    {
        var features = new FeatureTableBuilder();
        var path = Path.Combine(folder, "movies.csv");
        if (!File.Exists(path))
        {
            report.Note("movies.csv not found: no titles or genres");
            return features;
        }

        var titles = features.Text("title");
        var years = features.Numeric("year");
        var genres = features.MultiCategorical("genres");
        var rows = new EntityRows(items, options.IncludeCatalogOnlyEntities);
        var columns = new int[3];
        RecordFileReader.ForEach(path, TextFile.Utf8, new FieldSplitter(",", FieldSplitting.Quoted), hasHeader: true, options, report,
            (fields, line, issues) =>
            {
                if (!RecordFileReader.HasFields(fields, columns.Max() + 1, line, issues, ["movieId", "title", "genres"])
                    || !rows.TryRow(fields[columns[0]], line, issues, "movieId", out var row))
                {
                    return;
                }

                var title = fields[columns[1]].Trim();
                titles.Set(row, title.ToString());
                years.Set(row, TitleYear.FromTitle(title));
                genres.AddList(row, fields[columns[2]], '|', NoGenres);
            },
            (header, issues) => FindColumns(header, issues, columns, "movieId", "title", "genres"));
        rows.Report(report, "movies.csv", "items");
        return features;
    }

    private static void ReadTags(string folder, IdMap items, FeatureTableBuilder features, ReadOptions options, LoadReport report)
    {
        var path = Path.Combine(folder, "tags.csv");
        if (!File.Exists(path))
        {
            return;
        }

        var tags = features.MultiCategorical("tags");
        var rows = new EntityRows(items, options.IncludeCatalogOnlyEntities);
        var columns = new int[2];
        var lowered = new char[64];
        RecordFileReader.ForEach(path, TextFile.Utf8, new FieldSplitter(",", FieldSplitting.Quoted), hasHeader: true, options, report,
            (fields, line, issues) =>
            {
                if (!RecordFileReader.HasFields(fields, columns.Max() + 1, line, issues, ["movieId", "tag"])
                    || !rows.TryRow(fields[columns[0]], line, issues, "movieId", out var row))
                {
                    return;
                }

                var tag = fields[columns[1]].Trim();
                if (lowered.Length < tag.Length) { lowered = new char[tag.Length * 2]; }
                var length = tag.ToLowerInvariant(lowered);
                tags.Add(row, lowered.AsSpan(0, length));
            },
            (header, issues) => FindColumns(header, issues, columns, "movieId", "tag"));
        rows.Report(report, "tags.csv", "items");
    }

    private static void FindColumns(IReadOnlyList<string> header, LineIssues issues, int[] columns, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            columns[i] = ColumnResolver.Find(names[i], header, out var problem);
            if (columns[i] < 0) { throw issues.Fatal(1, names[i], problem!); }
        }
    }
}
