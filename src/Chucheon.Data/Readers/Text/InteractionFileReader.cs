using System.Text;
using Chucheon.Data.Readers.Building;

namespace Chucheon.Data.Readers.Text;

/// <summary>The one streaming loop behind every delimited interaction file: split, validate all fields of a line, and
/// only then assign ids, so a rejected line leaves no trace in the id maps.</summary>
internal static class InteractionFileReader
{
    public static InteractionLog Read(
        string path,
        FieldSplitter splitter,
        bool hasHeader,
        Encoding encoding,
        Func<IReadOnlyList<string>?, LineIssues, InteractionFields> resolveFields,
        IdMap users,
        IdMap items,
        IdMap? eventTypes,
        ReadOptions options,
        LoadReport report)
    {
        using var reader = TextFile.Open(path, encoding, report);
        var issues = new LineIssues(Path.GetFileName(path), options.BadLines, report);
        IReadOnlyList<string>? header = null;
        if (hasHeader)
        {
            header = ReadHeader(reader, splitter, issues);
        }

        var fields = resolveFields(header, issues);
        if (fields.Event >= 0 && eventTypes is null)
        {
            throw new ArgumentException("An event column needs an event-type id map.", nameof(eventTypes));
        }

        var userIds = new IdLookup(users);
        var itemIds = new IdLookup(items);
        var builder = new InteractionLogBuilder(fields.Rating >= 0, fields.Timestamp >= 0, fields.Event >= 0, EstimateRows(path));
        while (reader.TryReadLine(out var line))
        {
            report.LineRead();
            if (line.IsWhiteSpace())
            {
                report.BlankLine();
                continue;
            }

            var lineNumber = reader.LineNumber;
            if (splitter.Split(line) is { } splitError)
            {
                issues.Reject(lineNumber, null, splitError);
                continue;
            }

            if (!TryId(splitter, fields.User, fields.UserName, lineNumber, issues, out var userText)
                || !TryId(splitter, fields.Item, fields.ItemName, lineNumber, issues, out var itemText))
            {
                continue;
            }

            float rating = 0;
            if (fields.Rating >= 0 && !TryRating(splitter, fields.Rating, fields.RatingName, lineNumber, issues, options, out rating))
            {
                continue;
            }

            long timestamp = 0;
            if (fields.Timestamp >= 0 && !TryTimestamp(splitter, fields.Timestamp, fields.TimestampName, lineNumber, issues, out timestamp))
            {
                continue;
            }

            var eventType = 0;
            if (fields.Event >= 0)
            {
                if (!TryId(splitter, fields.Event, fields.EventName, lineNumber, issues, out var eventText))
                {
                    continue;
                }

                eventType = eventTypes!.GetOrAdd(eventText);
            }

            builder.Add(userIds.GetOrAdd(userText), itemIds.GetOrAdd(itemText), rating, timestamp, eventType);
        }

        return DuplicateResolver.Apply(builder.Build(), users.Count, options.Duplicates, report);
    }

    private static List<string> ReadHeader(LineReader reader, FieldSplitter splitter, LineIssues issues)
    {
        if (!reader.TryReadLine(out var line))
        {
            throw issues.Fatal(1, null, "the file is empty but a header row was expected");
        }

        if (splitter.Split(line) is { } error)
        {
            throw issues.Fatal(reader.LineNumber, null, $"header: {error}");
        }

        var header = new List<string>(splitter.Count);
        for (var i = 0; i < splitter.Count; i++)
        {
            // A UTF-8 byte-order mark decoded by hand-made files shows up as U+FEFF on the first name.
            header.Add(splitter[i].Trim().TrimStart('\uFEFF').ToString());
        }

        return header;
    }

    private static bool TryId(FieldSplitter splitter, int index, string name, long line, LineIssues issues, out ReadOnlySpan<char> text)
    {
        if (!splitter.TryGet(index, out text))
        {
            issues.Reject(line, name, $"missing (the line has {splitter.Count} field(s))");
            return false;
        }

        text = text.Trim();
        if (text.IsEmpty)
        {
            issues.Reject(line, name, "empty");
            return false;
        }

        return true;
    }

    private static bool TryRating(FieldSplitter splitter, int index, string name, long line, LineIssues issues, ReadOptions options, out float rating)
    {
        rating = 0;
        if (!TryId(splitter, index, name, line, issues, out var text))
        {
            return false;
        }

        if (!FieldValues.TryParseFloat(text, out rating))
        {
            issues.Reject(line, name, $"{FieldValues.Quote(text)} is not a number");
            return false;
        }

        if (options.IsOutOfRange(rating))
        {
            issues.Reject(line, name, $"{FieldValues.Quote(text)} is outside {options.RangeText}");
            return false;
        }

        return true;
    }

    private static bool TryTimestamp(FieldSplitter splitter, int index, string name, long line, LineIssues issues, out long timestamp)
    {
        timestamp = 0;
        if (!TryId(splitter, index, name, line, issues, out var text))
        {
            return false;
        }

        if (!FieldValues.TryParseTimestamp(text, out timestamp))
        {
            issues.Reject(line, name, $"{FieldValues.Quote(text)} is not a timestamp (unix seconds or ISO 8601)");
            return false;
        }

        return true;
    }

    /// <summary>A first guess at the row count from the file size, so the column arrays rarely need to grow.</summary>
    private static int EstimateRows(string path)
    {
        var bytes = new FileInfo(path).Length;
        return (int)Math.Clamp(bytes / 20, 1024, 1 << 26);
    }
}
