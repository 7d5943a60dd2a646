using System.Globalization;

namespace Chucheon.Data.Continual;

/// <summary>Reads the task-file format of TERACON (Kim et al., KDD 2023; also CONURE's): one user per line, item ids
/// separated by commas and left-padded with <c>0</c>, then optionally <c>,,</c> and the task's target ids.</summary>
/// <remarks>
/// The last line may or may not end with a newline (the published examples have none). Every malformed row is a
/// <see cref="DataFormatException"/> naming the file, the line and the field (<c>input[3]</c>, <c>target[1]</c>, 1-based
/// within the line): a token that is not a non-negative integer, an empty token, a 0 after a real item (padding must be
/// on the left), a row with no items, more than one <c>,,</c>, a <c>,,</c> with nothing after it, or a file that mixes
/// rows with and without targets.
/// </remarks>
public static class TeraconTaskFileReader
{
    private const string TargetSeparator = ",,";

    public static TeraconTaskFile Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static TeraconTaskFile Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<TeraconTaskRow>();
        long lineNumber = 0, blank = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            var row = ParseRow(line.AsSpan().TrimEnd('\r'), fileName, lineNumber);
            if (rows.Count > 0 && (rows[0].Targets.Length > 0) != (row.Targets.Length > 0))
            {
                throw new DataFormatException(fileName, lineNumber, "targets",
                    $"line {rows[0].Line} {(rows[0].Targets.Length > 0 ? "has" : "has no")} ',,' targets but this line {(row.Targets.Length > 0 ? "has" : "has none")}; a task file is all one or the other");
            }

            rows.Add(row);
        }

        return new TeraconTaskFile(fileName, rows, blank);
    }

    private static TeraconTaskRow ParseRow(ReadOnlySpan<char> line, string fileName, long lineNumber)
    {
        var separator = line.IndexOf(TargetSeparator);
        var inputText = separator < 0 ? line : line[..separator];
        int[] targets = [];
        if (separator >= 0)
        {
            var targetText = line[(separator + TargetSeparator.Length)..];
            if (targetText.IndexOf(TargetSeparator) >= 0)
            {
                throw new DataFormatException(fileName, lineNumber, "targets", "more than one ',,' separator");
            }

            if (targetText.IsEmpty)
            {
                throw new DataFormatException(fileName, lineNumber, "targets", "nothing after ',,'");
            }

            targets = ParseIds(targetText, fileName, lineNumber, "target");
        }

        var tokens = ParseIds(inputText, fileName, lineNumber, "input");
        var start = 0;
        while (start < tokens.Length && tokens[start] == 0) { start++; }
        for (var i = start; i < tokens.Length; i++)
        {
            if (tokens[i] == 0)
            {
                throw new DataFormatException(fileName, lineNumber, $"input[{i + 1}]", "padding 0 after an item; padding must be on the left");
            }
        }

        if (start == tokens.Length)
        {
            throw new DataFormatException(fileName, lineNumber, "input", "no items (the sequence is all padding)");
        }

        return new TeraconTaskRow(lineNumber, tokens[start..], targets);
    }

    private static int[] ParseIds(ReadOnlySpan<char> text, string fileName, long lineNumber, string field)
    {
        var ids = new List<int>();
        foreach (var range in text.Split(','))
        {
            var token = text[range];
            var position = ids.Count + 1;
            if (token.IsEmpty)
            {
                throw new DataFormatException(fileName, lineNumber, $"{field}[{position}]", "empty id");
            }

            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new DataFormatException(fileName, lineNumber, $"{field}[{position}]", $"'{token}' is not a non-negative integer id");
            }

            ids.Add(id);
        }

        return [.. ids];
    }
}
