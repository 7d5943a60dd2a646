using Chucheon.Data.Readers.Building;
using Chucheon.Data.Readers.Text;

namespace Chucheon.Data.Readers;

/// <summary>The MovieLens 100K folder (format <c>movielens-100k</c>): <c>u.data</c> ratings, <c>u.item</c> catalog
/// (latin-1) with <c>u.genre</c> names, <c>u.user</c> demographics.</summary>
/// <remarks>
/// Ids follow <c>u.data</c> first-seen order; with <see cref="ReadOptions.IncludeCatalogOnlyEntities"/> (the default)
/// items listed only in <c>u.item</c> and users only in <c>u.user</c> are appended after them.
/// Item features: <c>title</c> (text), <c>year</c> (numeric, from the release date or the title), <c>genres</c>
/// (multi-categorical over the <c>u.genre</c> names). User features: <c>age</c> (numeric), <c>gender</c>,
/// <c>occupation</c>, <c>zip</c> (categorical). Side files that are missing are noted in the report, not required.
/// </remarks>
public static class MovieLens100KReader
{
    private const int GenreFlagsStart = 5;

    private static readonly string[] ItemFieldNames = ["movie_id", "title", "release_date", "video_release_date", "imdb_url"];
    private static readonly string[] UserFieldNames = ["user_id", "age", "gender", "occupation", "zip"];

    public static InteractionDataset Load(string folder, ReadOptions? options = null, LoadReport? report = null, string? name = null)
    {
        options ??= ReadOptions.Default;
        report ??= new LoadReport();
        var users = new IdMap();
        var items = new IdMap();
        var log = ReadRatings(Path.Combine(folder, "u.data"), users, items, options, report);
        var itemFeatures = ReadItems(folder, items, options, report);
        var userFeatures = ReadUsers(folder, users, options, report);
        return new InteractionDataset(name ?? "ml-100k", users, items, log,
            userFeatures?.Build(users.Count), itemFeatures?.Build(items.Count));
    }

    /// <summary>Reads a <c>u.data</c>-shaped file (<c>u.data</c>, <c>u1.base</c>, <c>ua.test</c>, ...) into existing id maps.</summary>
    public static InteractionLog ReadRatings(string path, IdMap users, IdMap items, ReadOptions? options = null, LoadReport? report = null) =>
        InteractionFileReader.Read(path, new FieldSplitter("\t", FieldSplitting.Separator), hasHeader: false, TextFile.Utf8,
            (_, _) => new InteractionFields(0, 1, 2, 3), users, items, null, options ?? ReadOptions.Default, report ?? new LoadReport());

    private static FeatureTableBuilder? ReadItems(string folder, IdMap items, ReadOptions options, LoadReport report)
    {
        var path = Path.Combine(folder, "u.item");
        if (!File.Exists(path))
        {
            report.Note("u.item not found: no item features");
            return null;
        }

        var genreNames = ReadGenreNames(folder, options, report);
        var fieldNames = ItemFieldNames.Concat(genreNames.RawIds.Select(g => $"genre {g}")).ToArray();
        var features = new FeatureTableBuilder();
        var titles = features.Text("title");
        var years = features.Numeric("year");
        var genres = features.MultiCategorical("genres", genreNames);
        var rows = new EntityRows(items, options.IncludeCatalogOnlyEntities);
        var expectedFields = GenreFlagsStart + genreNames.Count;
        RecordFileReader.ForEach(path, TextFile.Latin1, new FieldSplitter("|", FieldSplitting.Separator), hasHeader: false, options, report,
            (fields, line, issues) =>
            {
                if (!RecordFileReader.HasFields(fields, expectedFields, line, issues, fieldNames))
                {
                    return;
                }

                for (var g = 0; g < genreNames.Count; g++)
                {
                    if (fields[GenreFlagsStart + g] is not "0" and not "1")
                    {
                        issues.Reject(line, fieldNames[GenreFlagsStart + g], $"{FieldValues.Quote(fields[GenreFlagsStart + g])} is not a 0/1 flag");
                        return;
                    }
                }

                if (!rows.TryRow(fields[0], line, issues, "movie_id", out var row))
                {
                    return;
                }

                titles.Set(row, fields[1].ToString());
                var year = TitleYear.FromReleaseDate(fields[2]);
                years.Set(row, float.IsNaN(year) ? TitleYear.FromTitle(fields[1]) : year);
                for (var g = 0; g < genreNames.Count; g++)
                {
                    if (fields[GenreFlagsStart + g] is "1") { genres.Add(row, g); }
                }
            });
        rows.Report(report, "u.item", "items");
        return features;
    }

    /// <summary>Genre names in flag order; vocabulary id i is flag column i.</summary>
    private static IdMap ReadGenreNames(string folder, ReadOptions options, LoadReport report)
    {
        var path = Path.Combine(folder, "u.genre");
        if (!File.Exists(path))
        {
            report.Note("u.genre not found: genres named genre_0..genre_18");
            return new IdMap(Enumerable.Range(0, 19).Select(i => $"genre_{i}"));
        }

        var byIndex = new SortedDictionary<int, string>();
        RecordFileReader.ForEach(path, TextFile.Latin1, new FieldSplitter("|", FieldSplitting.Separator), hasHeader: false, options, report,
            (fields, line, issues) =>
            {
                if (!RecordFileReader.HasFields(fields, 2, line, issues, ["name", "index"]))
                {
                    return;
                }

                if (!FieldValues.TryParseInt(fields[1], out var index) || index < 0)
                {
                    issues.Reject(line, "index", $"{FieldValues.Quote(fields[1])} is not a genre index");
                    return;
                }

                if (!byIndex.TryAdd(index, fields[0].ToString()))
                {
                    issues.Reject(line, "index", $"genre index {index} appears twice");
                }
            });
        if (byIndex.Count == 0 || byIndex.Keys.Last() != byIndex.Count - 1)
        {
            throw new DataFormatException("u.genre", 1, "index", $"genre indices must run 0..n-1 (found {string.Join(", ", byIndex.Keys)})");
        }

        return new IdMap(byIndex.Values);
    }

    private static FeatureTableBuilder? ReadUsers(string folder, IdMap users, ReadOptions options, LoadReport report)
    {
        var path = Path.Combine(folder, "u.user");
        if (!File.Exists(path))
        {
            report.Note("u.user not found: no user features");
            return null;
        }

        var features = new FeatureTableBuilder();
        var ages = features.Numeric("age");
        var genders = features.Categorical("gender");
        var occupations = features.Categorical("occupation");
        var zips = features.Categorical("zip");
        var rows = new EntityRows(users, options.IncludeCatalogOnlyEntities);
        RecordFileReader.ForEach(path, TextFile.Latin1, new FieldSplitter("|", FieldSplitting.Separator), hasHeader: false, options, report,
            (fields, line, issues) =>
            {
                if (!RecordFileReader.HasFields(fields, UserFieldNames.Length, line, issues, UserFieldNames))
                {
                    return;
                }

                if (!FieldValues.TryParseInt(fields[1], out var age))
                {
                    issues.Reject(line, "age", $"{FieldValues.Quote(fields[1])} is not a number");
                    return;
                }

                if (!rows.TryRow(fields[0], line, issues, "user_id", out var row))
                {
                    return;
                }

                ages.Set(row, age);
                genders.Set(row, fields[2]);
                occupations.Set(row, fields[3]);
                zips.Set(row, fields[4].Trim());
            });
        rows.Report(report, "u.user", "users");
        return features;
    }
}
