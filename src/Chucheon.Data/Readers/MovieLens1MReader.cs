using Chucheon.Data.Readers.Building;
using Chucheon.Data.Readers.Text;

namespace Chucheon.Data.Readers;

/// <summary>The MovieLens 1M folder (format <c>movielens-1m</c>): <c>ratings.dat</c>, <c>movies.dat</c> (latin-1) and
/// <c>users.dat</c>, all <c>::</c>-separated without a header.</summary>
/// <remarks>
/// Ids and catalog-only entities as in <see cref="MovieLens100KReader"/>. Item features: <c>title</c>, <c>year</c>
/// (from the title), <c>genres</c>. User features: <c>gender</c>; <c>age</c> (numeric: the lower bound of the
/// dataset's age band, 1 meaning under 18); <c>occupation</c> (categorical, decoded to the names in the dataset's
/// README); <c>zip</c>.
/// </remarks>
public static class MovieLens1MReader
{
    private const string Separator = "::";

    private static readonly string[] MovieFieldNames = ["movie_id", "title", "genres"];
    private static readonly string[] UserFieldNames = ["user_id", "gender", "age", "occupation", "zip"];

    private static readonly string[] OccupationNames =
    [
        "other", "academic/educator", "artist", "clerical/admin", "college/grad student", "customer service",
        "doctor/health care", "executive/managerial", "farmer", "homemaker", "K-12 student", "lawyer", "programmer",
        "retired", "sales/marketing", "scientist", "self-employed", "technician/engineer", "tradesman/craftsman",
        "unemployed", "writer",
    ];

    public static InteractionDataset Load(string folder, ReadOptions? options = null, LoadReport? report = null, string? name = null)
    {
        options ??= ReadOptions.Default;
        report ??= new LoadReport();
        var users = new IdMap();
        var items = new IdMap();
        var log = ReadRatings(Path.Combine(folder, "ratings.dat"), users, items, options, report);
        var itemFeatures = ReadMovies(folder, items, options, report);
        var userFeatures = ReadUsers(folder, users, options, report);
        return new InteractionDataset(name ?? "ml-1m", users, items, log, userFeatures?.Build(users.Count), itemFeatures?.Build(items.Count));
    }

    /// <summary>Reads a <c>ratings.dat</c>-shaped file into existing id maps.</summary>
    public static InteractionLog ReadRatings(string path, IdMap users, IdMap items, ReadOptions? options = null, LoadReport? report = null) =>
        InteractionFileReader.Read(path, new FieldSplitter(Separator, FieldSplitting.Separator), hasHeader: false, TextFile.Latin1,
            (_, _) => new InteractionFields(0, 1, 2, 3), users, items, null, options ?? ReadOptions.Default, report ?? new LoadReport());

    private static FeatureTableBuilder? ReadMovies(string folder, IdMap items, ReadOptions options, LoadReport report)
    {
        var path = Path.Combine(folder, "movies.dat");
        if (!File.Exists(path))
        {
            report.Note("movies.dat not found: no item features");
            return null;
        }

        var features = new FeatureTableBuilder();
        var titles = features.Text("title");
        var years = features.Numeric("year");
        var genres = features.MultiCategorical("genres");
        var rows = new EntityRows(items, options.IncludeCatalogOnlyEntities);
        RecordFileReader.ForEach(path, TextFile.Latin1, new FieldSplitter(Separator, FieldSplitting.Separator), hasHeader: false, options, report,
            (fields, line, issues) =>
            {
                if (!RecordFileReader.HasFields(fields, MovieFieldNames.Length, line, issues, MovieFieldNames)
                    || !rows.TryRow(fields[0], line, issues, "movie_id", out var row))
                {
                    return;
                }

                titles.Set(row, fields[1].ToString());
                years.Set(row, TitleYear.FromTitle(fields[1]));
                genres.AddList(row, fields[2], '|');
            });
        rows.Report(report, "movies.dat", "items");
        return features;
    }

    private static FeatureTableBuilder? ReadUsers(string folder, IdMap users, ReadOptions options, LoadReport report)
    {
        var path = Path.Combine(folder, "users.dat");
        if (!File.Exists(path))
        {
            report.Note("users.dat not found: no user features");
            return null;
        }

        var features = new FeatureTableBuilder();
        var genders = features.Categorical("gender");
        var ages = features.Numeric("age");
        var occupations = features.Categorical("occupation");
        var zips = features.Categorical("zip");
        var rows = new EntityRows(users, options.IncludeCatalogOnlyEntities);
        RecordFileReader.ForEach(path, TextFile.Latin1, new FieldSplitter(Separator, FieldSplitting.Separator), hasHeader: false, options, report,
            (fields, line, issues) =>
            {
                if (!RecordFileReader.HasFields(fields, UserFieldNames.Length, line, issues, UserFieldNames))
                {
                    return;
                }

                if (!FieldValues.TryParseInt(fields[2], out var age))
                {
                    issues.Reject(line, "age", $"{FieldValues.Quote(fields[2])} is not a number");
                    return;
                }

                if (!FieldValues.TryParseInt(fields[3], out var occupation))
                {
                    issues.Reject(line, "occupation", $"{FieldValues.Quote(fields[3])} is not an occupation code");
                    return;
                }

                if (!rows.TryRow(fields[0], line, issues, "user_id", out var row))
                {
                    return;
                }

                genders.Set(row, fields[1]);
                ages.Set(row, age);
                occupations.Set(row, (uint)occupation < OccupationNames.Length ? OccupationNames[occupation] : fields[3]);
                zips.Set(row, fields[4].Trim());
            });
        rows.Report(report, "users.dat", "users");
        return features;
    }
}
