using Chucheon.Data.Readers.Building;
using Chucheon.Data.Readers.Text;

namespace Chucheon.Data.Readers;

/// <summary>RecBole atomic files (format <c>atomic</c>): <c>&lt;name&gt;.inter</c>, and when present
/// <c>&lt;name&gt;.user</c> and <c>&lt;name&gt;.item</c>; tab-separated, a <c>field:type</c> header, types
/// <c>token</c>, <c>token_seq</c>, <c>float</c>, <c>float_seq</c>.</summary>
/// <remarks>
/// In <c>.inter</c> the fields <c>user_id</c>, <c>item_id</c>, <c>rating</c> and <c>timestamp</c> are used (other names
/// through <see cref="AtomicFields"/>); other interaction fields are ignored and noted in the report. Every non-id field
/// of <c>.user</c> / <c>.item</c> becomes a feature: token → categorical, token_seq (space-separated) →
/// multi-categorical, float → numeric, float_seq → one numeric column per position (<c>name_0</c>, <c>name_1</c>, ...;
/// NaN past a row's length). Empty values are missing. Catalog-only entities as in <see cref="MovieLens100KReader"/>.
/// </remarks>
public static class AtomicReader
{
    /// <param name="folder">The folder holding the atomic files.</param>
    /// <param name="name">File base name; the folder's name when null.</param>
    public static InteractionDataset Load(string folder, string? name = null, AtomicFields? fields = null, ReadOptions? options = null, LoadReport? report = null)
    {
        options ??= ReadOptions.Default;
        report ??= new LoadReport();
        fields ??= new AtomicFields();
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var users = new IdMap();
        var items = new IdMap();
        var eventTypes = new IdMap();
        var interPath = Path.Combine(folder, name + ".inter");
        var log = InteractionFileReader.Read(interPath, new FieldSplitter("\t", FieldSplitting.Separator), hasHeader: true, TextFile.Utf8,
            (header, issues) => ResolveInteractionFields(header!, fields, issues, report),
            users, items, fields.Event is null ? null : eventTypes, options, report);
        var userFeatures = ReadFeatures(Path.Combine(folder, name + ".user"), fields.User, users, "users", options, report);
        var itemFeatures = ReadFeatures(Path.Combine(folder, name + ".item"), fields.Item, items, "items", options, report);
        return new InteractionDataset(name, users, items, log, userFeatures?.Build(users.Count), itemFeatures?.Build(items.Count),
            log.EventTypes is null ? null : eventTypes);
    }

    private static InteractionFields ResolveInteractionFields(IReadOnlyList<string> header, AtomicFields names, LineIssues issues, LoadReport report)
    {
        var fields = AtomicHeader.Parse(header, issues);
        int Find(string? field, bool required)
        {
            if (field is null) { return -1; }
            var index = fields.FindIndex(f => f.Name == field);
            return index >= 0 || !required ? index
                : throw issues.Fatal(1, field, $"not in the header (fields: {string.Join(", ", fields.Select(f => f.Name))})");
        }

        // An explicitly named rating or timestamp field must exist; the conventional names are used when present.
        var result = new InteractionFields(
            Find(names.User, true), Find(names.Item, true),
            Find(names.Rating ?? "rating", names.Rating is not null), Find(names.Timestamp ?? "timestamp", names.Timestamp is not null),
            Find(names.Event, true))
        {
            UserName = names.User,
            ItemName = names.Item,
            RatingName = names.Rating ?? "rating",
            TimestampName = names.Timestamp ?? "timestamp",
            EventName = names.Event ?? "event",
        };
        var used = new[] { result.User, result.Item, result.Rating, result.Timestamp, result.Event };
        var ignored = fields.Where((_, i) => !used.Contains(i)).Select(f => f.Name).ToList();
        if (ignored.Count > 0)
        {
            report.Note($"{issues.FileName}: interaction fields ignored: {string.Join(", ", ignored)}");
        }

        return result;
    }

    private static FeatureTableBuilder? ReadFeatures(string path, string idField, IdMap ids, string what, ReadOptions options, LoadReport report)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var features = new FeatureTableBuilder();
        var rows = new EntityRows(ids, options.IncludeCatalogOnlyEntities);
        var columns = new List<AtomicFeatureColumn>();
        var idIndex = -1;
        var fieldNames = new List<string>();
        RecordFileReader.ForEach(path, TextFile.Utf8, new FieldSplitter("\t", FieldSplitting.Separator), hasHeader: true, options, report,
            (values, line, issues) =>
            {
                if (!RecordFileReader.HasFields(values, fieldNames.Count, line, issues, fieldNames))
                {
                    return;
                }

                foreach (var column in columns)
                {
                    if (!column.CanParse(values[column.Index], out var problem))
                    {
                        issues.Reject(line, column.Name, problem!);
                        return;
                    }
                }

                if (!rows.TryRow(values[idIndex], line, issues, idField, out var row))
                {
                    return;
                }

                foreach (var column in columns) { column.Set(row, values[column.Index]); }
            },
            (header, issues) =>
            {
                var fields = AtomicHeader.Parse(header, issues);
                fieldNames.AddRange(fields.Select(f => f.Name));
                idIndex = fields.FindIndex(f => f.Name == idField);
                if (idIndex < 0)
                {
                    throw issues.Fatal(1, idField, $"not in the header (fields: {string.Join(", ", fields.Select(f => f.Name))})");
                }

                for (var i = 0; i < fields.Count; i++)
                {
                    if (i != idIndex) { columns.Add(new AtomicFeatureColumn(i, fields[i].Name, fields[i].Type, features)); }
                }
            });
        rows.Report(report, Path.GetFileName(path), what);
        return features;
    }
}
