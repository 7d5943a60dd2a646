using Chucheon.Data.Readers.Text;

namespace Chucheon.Data.Readers;

/// <summary>Generic CSV / TSV interaction files with a column mapping (format <c>csv</c>).</summary>
public static class DelimitedReader
{
    public static InteractionDataset Load(string path, DelimitedLayout layout, ReadOptions? options = null, LoadReport? report = null, string? name = null)
    {
        var users = new IdMap();
        var items = new IdMap();
        var eventTypes = new IdMap();
        var log = ReadLog(path, layout, users, items, eventTypes, options, report);
        return new InteractionDataset(name ?? Path.GetFileNameWithoutExtension(path), users, items, log,
            eventTypes: log.EventTypes is null ? null : eventTypes);
    }

    /// <summary>Reads one file into existing id maps, so several files (a predefined train / test split) share ids.</summary>
    public static InteractionLog ReadLog(string path, DelimitedLayout layout, IdMap users, IdMap items, IdMap? eventTypes = null,
        ReadOptions? options = null, LoadReport? report = null)
    {
        report ??= new LoadReport();
        var splitting = layout.Quoted ? FieldSplitting.Quoted : FieldSplitting.Separator;
        var splitter = new FieldSplitter(layout.Separator, splitting);
        return InteractionFileReader.Read(path, splitter, layout.HasHeader, TextFile.ByName(layout.Encoding),
            (header, issues) => ResolveFields(layout, header, issues, report),
            users, items, eventTypes ?? (layout.Columns.Event is null ? null : new IdMap()), options ?? ReadOptions.Default, report);
    }

    private static InteractionFields ResolveFields(DelimitedLayout layout, IReadOnlyList<string>? header, LineIssues issues, LoadReport report)
    {
        var columns = layout.Columns;
        var user = Required(columns.User, header, issues, "user", 0, InteractionColumns.UsualUserNames);
        var item = Required(columns.Item, header, issues, "item", 1, InteractionColumns.UsualItemNames);
        var rating = Optional(columns.Rating, header, issues, InteractionColumns.UsualRatingNames);
        var timestamp = Optional(columns.Timestamp, header, issues, InteractionColumns.UsualTimestampNames);
        var eventType = columns.Event is null ? -1 : Find(columns.Event, header, issues);
        string NameOf(int index, string fallback) => header is not null && index >= 0 && index < header.Count ? header[index] : fallback;
        var fields = new InteractionFields(user, item, rating, timestamp, eventType)
        {
            UserName = NameOf(user, "user"),
            ItemName = NameOf(item, "item"),
            RatingName = NameOf(rating, "rating"),
            TimestampName = NameOf(timestamp, "timestamp"),
            EventName = NameOf(eventType, "event"),
        };
        report.Note($"{issues.FileName} columns: {fields.Describe()}");
        return fields;
    }

    private static int Required(string? column, IReadOnlyList<string>? header, LineIssues issues, string what, int positionWithoutHeader, string[] usualNames)
    {
        if (column is not null)
        {
            return Find(column, header, issues);
        }

        if (header is null)
        {
            return positionWithoutHeader;
        }

        var found = ColumnResolver.FindAny(header, usualNames);
        return found >= 0 ? found : throw issues.Fatal(1, null, $"no {what} column: set {what}_column (header: {string.Join(", ", header)})");
    }

    private static int Optional(string? column, IReadOnlyList<string>? header, LineIssues issues, string[] usualNames) =>
        column is not null ? Find(column, header, issues) : ColumnResolver.FindAny(header, usualNames);

    private static int Find(string column, IReadOnlyList<string>? header, LineIssues issues)
    {
        var index = ColumnResolver.Find(column, header, out var problem);
        return index >= 0 ? index : throw issues.Fatal(1, null, problem!);
    }
}
