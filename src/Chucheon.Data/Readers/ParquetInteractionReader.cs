using Chucheon.Data.Readers.Building;
using Chucheon.Data.Readers.Text;
using Parquet;
using Parquet.Schema;

namespace Chucheon.Data.Readers;

/// <summary>Interactions from a Parquet file (format <c>parquet</c>), columns chosen by field name (or index).</summary>
/// <remarks>Integer, string and other id columns are accepted; ratings may be any numeric type; timestamps may be
/// integer seconds, fractional seconds, timestamps or ISO 8601 strings. Errors name the file, the 1-based row as the
/// "line" and the column. Rows are read one row group at a time.</remarks>
public static class ParquetInteractionReader
{
    public static InteractionDataset Load(string path, InteractionColumns? columns = null, ReadOptions? options = null, LoadReport? report = null, string? name = null)
    {
        var users = new IdMap();
        var items = new IdMap();
        var eventTypes = new IdMap();
        var log = ReadLog(path, columns ?? new InteractionColumns(), users, items, eventTypes, options, report);
        return new InteractionDataset(name ?? Path.GetFileNameWithoutExtension(path), users, items, log,
            eventTypes: log.EventTypes is null ? null : eventTypes);
    }

    /// <summary>Reads one file into existing id maps.</summary>
    public static InteractionLog ReadLog(string path, InteractionColumns columns, IdMap users, IdMap items, IdMap? eventTypes = null,
        ReadOptions? options = null, LoadReport? report = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Dataset file not found: {path}", path);
        }

        report ??= new LoadReport();
        report.FileOpened(path);
        // The library is async-only; a load is a one-off blocking step, so waiting here is what callers want.
        return ReadLogAsync(path, columns, users, items, eventTypes ?? new IdMap(), options ?? ReadOptions.Default, report).GetAwaiter().GetResult();
    }

    private static async Task<InteractionLog> ReadLogAsync(string path, InteractionColumns columns, IdMap users, IdMap items, IdMap eventTypes,
        ReadOptions options, LoadReport report)
    {
        var issues = new LineIssues(Path.GetFileName(path), options.BadLines, report);
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var names = fields.Select(f => f.Name).ToList();
        var user = fields[Required(columns.User, names, issues, "user", InteractionColumns.UsualUserNames)];
        var item = fields[Required(columns.Item, names, issues, "item", InteractionColumns.UsualItemNames)];
        var rating = Optional(columns.Rating, names, issues, InteractionColumns.UsualRatingNames) is var r and >= 0 ? fields[r] : null;
        var time = Optional(columns.Timestamp, names, issues, InteractionColumns.UsualTimestampNames) is var t and >= 0 ? fields[t] : null;
        var eventField = columns.Event is null ? null : fields[Find(columns.Event, names, issues)];
        report.Note($"{issues.FileName} columns: user={user.Name}, item={item.Name}"
            + (rating is null ? "" : $", rating={rating.Name}") + (time is null ? "" : $", timestamp={time.Name}")
            + (eventField is null ? "" : $", event={eventField.Name}"));

        var userLookup = new IdLookup(users);
        var itemLookup = new IdLookup(items);
        var builder = new InteractionLogBuilder(rating is not null, time is not null, eventField is not null);
        long rowBase = 0;
        var userScratch = new char[24];
        var itemScratch = new char[24];
        var eventScratch = new char[24];
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var rowGroup = reader.OpenRowGroupReader(g);
            var rows = checked((int)rowGroup.RowCount);
            var userIds = await ParquetColumnValues.ReadIdsAsync(rowGroup, user, rows);
            var itemIds = await ParquetColumnValues.ReadIdsAsync(rowGroup, item, rows);
            var ratings = rating is null ? null : await ParquetColumnValues.ReadNumbersAsync(rowGroup, rating, rows);
            var times = time is null ? null : await ParquetColumnValues.ReadTimesAsync(rowGroup, time, rows);
            var events = eventField is null ? default : await ParquetColumnValues.ReadIdsAsync(rowGroup, eventField, rows);
            for (var i = 0; i < rows; i++)
            {
                var line = rowBase + i + 1;
                report.LineRead();
                if (!TryId(userIds, i, userScratch, out var userText)) { issues.Reject(line, user.Name, "missing"); continue; }
                if (!TryId(itemIds, i, itemScratch, out var itemText)) { issues.Reject(line, item.Name, "missing"); continue; }
                float ratingValue = 0;
                if (ratings is not null)
                {
                    if (ratings[i] is not { } value) { issues.Reject(line, rating!.Name, "missing or not a number"); continue; }
                    ratingValue = (float)value;
                    if (options.IsOutOfRange(ratingValue)) { issues.Reject(line, rating!.Name, $"{value} is outside {options.RangeText}"); continue; }
                }

                long timestamp = 0;
                if (times is not null)
                {
                    if (times[i] is not { } seconds) { issues.Reject(line, time!.Name, "missing or not a timestamp"); continue; }
                    timestamp = seconds;
                }

                var eventType = 0;
                if (eventField is not null)
                {
                    if (!TryId(events, i, eventScratch, out var eventText)) { issues.Reject(line, eventField.Name, "missing"); continue; }
                    eventType = eventTypes.GetOrAdd(eventText);
                }

                builder.Add(userLookup.GetOrAdd(userText), itemLookup.GetOrAdd(itemText), ratingValue, timestamp, eventType);
            }

            rowBase += rows;
        }

        return DuplicateResolver.Apply(builder.Build(), users.Count, options.Duplicates, report);
    }

    private static bool TryId((long?[]? Integers, string?[]? Texts) column, int row, Span<char> scratch, out ReadOnlySpan<char> text)
    {
        if (column.Integers is { } integers)
        {
            if (integers[row] is { } value && value.TryFormat(scratch, out var written, provider: System.Globalization.CultureInfo.InvariantCulture))
            {
                text = scratch[..written];
                return true;
            }
        }
        else if (column.Texts?[row] is { } raw && raw.AsSpan().Trim() is { IsEmpty: false } trimmed)
        {
            text = trimmed;
            return true;
        }

        text = default;
        return false;
    }

    private static int Required(string? column, List<string> names, LineIssues issues, string what, string[] usualNames)
    {
        if (column is not null)
        {
            return Find(column, names, issues);
        }

        var found = ColumnResolver.FindAny(names, usualNames);
        return found >= 0 ? found : throw issues.Fatal(0, null, $"no {what} column: set {what}_column (columns: {string.Join(", ", names)})");
    }

    private static int Optional(string? column, List<string> names, LineIssues issues, string[] usualNames) =>
        column is not null ? Find(column, names, issues) : ColumnResolver.FindAny(names, usualNames);

    private static int Find(string column, List<string> names, LineIssues issues)
    {
        var index = ColumnResolver.Find(column, names, out var problem);
        if (index >= names.Count)
        {
            throw issues.Fatal(0, column, $"index {index} is past the last column ({names.Count} columns)");
        }

        return index >= 0 ? index : throw issues.Fatal(0, column, problem!);
    }
}
