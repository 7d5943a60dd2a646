namespace Chucheon.Data.Ctr;

/// <summary>CTR examples as read from a file, before any vocabulary exists: one text cell per (example, field) —
/// null when missing — and a 0/1 label. Encoding needs a vocabulary fitted on the training part only, so readers
/// stop here.</summary>
public sealed class RawCtrTable
{
    private readonly List<string?> _cells = [];
    private readonly List<float> _labels = [];

    public RawCtrTable(IReadOnlyList<string> fieldNames) => FieldNames = fieldNames;

    public IReadOnlyList<string> FieldNames { get; }

    public int FieldCount => FieldNames.Count;

    public int Count => _labels.Count;

    public float Label(int row) => _labels[row];

    public string? Cell(int row, int field) => _cells[(row * FieldCount) + field];

    /// <summary>Appends one example; <paramref name="cells"/> holds one entry per field.</summary>
    public void Add(ReadOnlySpan<string?> cells, float label)
    {
        if (cells.Length != FieldCount) { throw new ArgumentException($"Expected {FieldCount} cells, got {cells.Length}.", nameof(cells)); }
        foreach (var cell in cells) { _cells.Add(cell); }
        _labels.Add(label);
    }

    /// <summary>The given rows, in the given order, as a new table.</summary>
    public RawCtrTable Select(IEnumerable<int> rows)
    {
        var result = new RawCtrTable(FieldNames);
        var buffer = new string?[FieldCount];
        foreach (var row in rows)
        {
            for (var f = 0; f < FieldCount; f++) { buffer[f] = Cell(row, f); }
            result.Add(buffer, _labels[row]);
        }

        return result;
    }

    /// <summary>All rows of this table followed by all rows of <paramref name="other"/> (same fields).</summary>
    public RawCtrTable Concat(RawCtrTable other)
    {
        if (!other.FieldNames.SequenceEqual(FieldNames)) { throw new ArgumentException("Tables have different fields.", nameof(other)); }
        var result = Select(Enumerable.Range(0, Count));
        result._cells.AddRange(other._cells);
        result._labels.AddRange(other._labels);
        return result;
    }
}
