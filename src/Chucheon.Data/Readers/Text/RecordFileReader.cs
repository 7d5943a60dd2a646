using System.Text;

namespace Chucheon.Data.Readers.Text;

/// <summary>Handles one split, non-blank line of a side-information file.</summary>
internal delegate void RecordHandler(FieldSplitter fields, long line, LineIssues issues);

/// <summary>The streaming loop for side-information files (catalogs, user tables): blank lines counted, broken
/// quoting rejected under the bad-line policy, each record handed to the caller.</summary>
internal static class RecordFileReader
{
    /// <returns>The header names when <paramref name="hasHeader"/>, else null.</returns>
    public static IReadOnlyList<string>? ForEach(string path, Encoding encoding, FieldSplitter splitter, bool hasHeader,
        ReadOptions options, LoadReport report, RecordHandler handler, Action<IReadOnlyList<string>, LineIssues>? onHeader = null)
    {
        using var reader = TextFile.Open(path, encoding, report);
        var issues = new LineIssues(Path.GetFileName(path), options.BadLines, report);
        List<string>? header = null;
        if (hasHeader)
        {
            if (!reader.TryReadLine(out var first))
            {
                throw issues.Fatal(1, null, "the file is empty but a header row was expected");
            }

            if (splitter.Split(first) is { } headerError)
            {
                throw issues.Fatal(1, null, $"header: {headerError}");
            }

            header = new List<string>(splitter.Count);
            for (var i = 0; i < splitter.Count; i++) { header.Add(splitter[i].Trim().TrimStart('\uFEFF').ToString()); }
            onHeader?.Invoke(header, issues);
        }

        while (reader.TryReadLine(out var line))
        {
            report.LineRead();
            if (line.IsWhiteSpace())
            {
                report.BlankLine();
                continue;
            }

            if (splitter.Split(line) is { } error)
            {
                issues.Reject(reader.LineNumber, null, error);
                continue;
            }

            handler(splitter, reader.LineNumber, issues);
        }

        return header;
    }

    /// <summary>True when the line has at least <paramref name="count"/> fields; otherwise rejects it, naming the first missing field.</summary>
    public static bool HasFields(FieldSplitter fields, int count, long line, LineIssues issues, IReadOnlyList<string> names)
    {
        if (fields.Count >= count)
        {
            return true;
        }

        var missing = fields.Count < names.Count ? names[fields.Count] : $"#{fields.Count}";
        issues.Reject(line, missing, $"missing (the line has {fields.Count} field(s), {count} expected)");
        return false;
    }
}
