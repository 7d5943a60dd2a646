using System.Globalization;
using Chucheon.Data.Readers.Text;

namespace Chucheon.Data.Ctr;

/// <summary>Reads libFM / libSVM lines (<c>label index:value ...</c>) into a <see cref="RawCtrTable"/> with one
/// categorical cell per declared field (the cell is the raw feature index, so the vocabulary is still built from the
/// training part). Labels 1 / +1 are clicks; 0 and -1 are non-clicks. LF and CRLF endings are accepted; blank lines
/// are skipped. Any malformed token stops the read with <c>file:line: field '...'</c>.</summary>
public static class LibFmReader
{
    public static RawCtrTable Read(string path, IReadOnlyList<LibFmField> fields)
    {
        if (!File.Exists(path)) { throw new FileNotFoundException($"CTR file not found: {path}", path); }
        var table = new RawCtrTable(fields.Select(f => f.Name).ToArray());
        var cells = new string?[fields.Count];
        using var reader = new LineReader(path, TextFile.Utf8);
        var name = Path.GetFileName(path);
        while (reader.TryReadLine(out var line))
        {
            line = line.Trim();
            if (line.IsEmpty) { continue; }
            Array.Clear(cells);
            var lineNumber = reader.LineNumber;
            var tokens = line.Split(' ');
            tokens.MoveNext();
            var label = ParseLabel(line[tokens.Current], name, lineNumber);
            var position = 0;
            while (tokens.MoveNext())
            {
                var token = line[tokens.Current];
                if (token.IsEmpty) { continue; }
                position++;
                ParseFeature(token, fields, cells, name, lineNumber, position);
            }

            table.Add(cells, label);
        }

        return table;
    }

    private static float ParseLabel(ReadOnlySpan<char> token, string file, long line) => token switch
    {
        "1" or "+1" or "1.0" => 1f,
        "0" or "-1" or "0.0" or "-1.0" => 0f,
        _ => throw new DataFormatException(file, line, "label", $"'{token}' is not a label (expected 1/+1 for a click, 0/-1 for none)."),
    };

    private static void ParseFeature(ReadOnlySpan<char> token, IReadOnlyList<LibFmField> fields, string?[] cells, string file, long line, int position)
    {
        var where = $"feature {position}";
        var colon = token.IndexOf(':');
        if (colon <= 0 || colon == token.Length - 1)
        {
            throw new DataFormatException(file, line, where, $"'{token}' is not index:value.");
        }

        if (!int.TryParse(token[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new DataFormatException(file, line, where, $"index '{token[..colon]}' is not a non-negative integer.");
        }

        if (!float.TryParse(token[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
        {
            throw new DataFormatException(file, line, where, $"value '{token[(colon + 1)..]}' is not a number.");
        }

        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            if (index < field.First || index > field.Last) { continue; }
            if (value != 1f)
            {
                throw new DataFormatException(file, line, field.Name, $"index {index} has value {value}; categorical libFM fields take value 1.");
            }

            if (cells[f] is not null)
            {
                throw new DataFormatException(file, line, field.Name, $"two features ({cells[f]} and {index}) in one single-valued field.");
            }

            cells[f] = index.ToString(CultureInfo.InvariantCulture);
            return;
        }

        throw new DataFormatException(file, line, where, $"index {index} is in no declared field (fields: {string.Join(", ", fields.Select(x => $"{x.Name} {x.First}..{x.Last}"))}).");
    }
}
