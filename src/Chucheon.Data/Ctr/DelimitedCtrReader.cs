using Chucheon.Data.Readers.Text;

namespace Chucheon.Data.Ctr;

/// <summary>Reads a delimited CTR file with a declared schema, e.g. Criteo's <c>label,I1..I13,C1..C26</c>: a header
/// row (or <paramref name="columns"/> when the file has none), a label column, and the schema's fields by name.
/// Empty cells are missing values (they map to the OOV bucket). Bad rows stop the read with file:line:field.</summary>
public static class DelimitedCtrReader
{
    /// <param name="columns">Column names when the file has no header row; null reads them from the first line.</param>
    public static RawCtrTable Read(string path, CtrSchema schema, string labelColumn = "label", char separator = ',', IReadOnlyList<string>? columns = null)
    {
        if (!File.Exists(path)) { throw new FileNotFoundException($"CTR file not found: {path}", path); }
        var name = Path.GetFileName(path);
        using var reader = new LineReader(path, TextFile.Utf8);
        string[] header;
        if (columns is not null) { header = [.. columns]; }
        else if (reader.TryReadLine(out var first)) { header = first.ToString().Split(separator).Select(h => h.Trim()).ToArray(); }
        else { throw new DataFormatException(name, 1, null, "empty file: expected a header row."); }

        var labelAt = Array.IndexOf(header, labelColumn);
        if (labelAt < 0) { throw new DataFormatException(name, 1, labelColumn, $"no label column '{labelColumn}' in the header ({string.Join(",", header)})."); }
        var fieldAt = schema.Fields.Select(f =>
        {
            var at = Array.IndexOf(header, f.Name);
            return at >= 0 ? at : throw new DataFormatException(name, 1, f.Name, "declared field is not a column of the file.");
        }).ToArray();

        var table = new RawCtrTable(schema.Fields.Select(f => f.Name).ToArray());
        var cells = new string?[schema.Fields.Count];
        var parts = new string[header.Length];
        while (reader.TryReadLine(out var line))
        {
            if (line.IsWhiteSpace()) { continue; }
            var lineNumber = reader.LineNumber;
            var count = 0;
            foreach (var range in line.Split(separator))
            {
                if (count == header.Length)
                {
                    throw new DataFormatException(name, lineNumber, null, $"more than the header's {header.Length} columns.");
                }

                parts[count++] = line[range].Trim().ToString();
            }

            if (count != header.Length)
            {
                throw new DataFormatException(name, lineNumber, null, $"{count} columns; the header has {header.Length}.");
            }

            var label = parts[labelAt] switch
            {
                "1" or "+1" => 1f,
                "0" or "-1" => 0f,
                var bad => throw new DataFormatException(name, lineNumber, labelColumn, $"'{bad}' is not a label (1/+1 or 0/-1)."),
            };
            for (var f = 0; f < cells.Length; f++)
            {
                var cell = parts[fieldAt[f]];
                if (schema.Fields[f].Kind == CtrFieldKind.Numeric && cell.Length > 0 && !NumericBuckets.TryParse(cell, out _))
                {
                    throw new DataFormatException(name, lineNumber, schema.Fields[f].Name, $"'{cell}' is not a number.");
                }

                cells[f] = cell.Length == 0 ? null : cell;
            }

            table.Add(cells, label);
        }

        return table;
    }

    /// <summary>Criteo's schema: 13 numeric fields I1..I13 (log-bucketized) and 26 categorical fields C1..C26.</summary>
    public static CtrSchema CriteoSchema() => new(
        [.. Enumerable.Range(1, 13).Select(i => CtrFieldSpec.Numeric($"I{i}")), .. Enumerable.Range(1, 26).Select(i => CtrFieldSpec.Categorical($"C{i}"))]);
}
