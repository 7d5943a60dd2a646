namespace Chucheon.Data;

/// <summary>Side features for one kind of entity (users or items), one row per dense id.</summary>
public sealed class FeatureTable
{
    private readonly Dictionary<string, FeatureColumn> _byName = new(StringComparer.Ordinal);
    private readonly List<FeatureColumn> _columns = [];

    public FeatureTable(int rows) => Rows = rows;

    public int Rows { get; }

    public IReadOnlyList<FeatureColumn> Columns => _columns;

    public void Add(FeatureColumn column)
    {
        if (column.Rows != Rows)
        {
            throw new ArgumentException($"Feature '{column.Name}' has {column.Rows} rows; the table has {Rows}.", nameof(column));
        }

        if (!_byName.TryAdd(column.Name, column))
        {
            throw new ArgumentException($"Feature '{column.Name}' is already present.", nameof(column));
        }

        _columns.Add(column);
    }

    public bool TryGet(string name, out FeatureColumn column) => _byName.TryGetValue(name, out column!);

    public FeatureColumn this[string name] =>
        _byName.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"No feature named '{name}'. Known: {string.Join(", ", _byName.Keys)}.");

    /// <summary>A table for a larger id space (new entities get missing values), used when id maps grow after loading.</summary>
    public FeatureTable Resize(int rows)
    {
        var table = new FeatureTable(rows);
        foreach (var c in _columns) { table.Add(c.Resize(rows)); }
        return table;
    }
}

/// <summary>One named feature column.</summary>
public abstract class FeatureColumn(string name, int rows)
{
    public string Name { get; } = name;

    public int Rows { get; } = rows;

    public abstract FeatureColumn Resize(int rows);
}

/// <summary>A single category per row; -1 means missing.</summary>
public sealed class CategoricalFeature(string name, IdMap vocabulary, int[] values) : FeatureColumn(name, values.Length)
{
    public IdMap Vocabulary { get; } = vocabulary;

    public int[] Values { get; } = values;

    public override FeatureColumn Resize(int rows)
    {
        var v = new int[rows];
        Array.Fill(v, -1);
        Values.AsSpan(0, Math.Min(rows, Values.Length)).CopyTo(v);
        return new CategoricalFeature(Name, Vocabulary, v);
    }
}

/// <summary>A set of categories per row (genres, tags), stored CSR-style.</summary>
public sealed class MultiCategoricalFeature(string name, IdMap vocabulary, int[] offsets, int[] values) : FeatureColumn(name, offsets.Length - 1)
{
    public IdMap Vocabulary { get; } = vocabulary;

    public int[] Offsets { get; } = offsets;

    public int[] Values { get; } = values;

    public ReadOnlySpan<int> Of(int row) => Values.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    public override FeatureColumn Resize(int rows)
    {
        var offsets = new int[rows + 1];
        var keep = Math.Min(rows, Rows);
        Offsets.AsSpan(0, keep + 1).CopyTo(offsets);
        for (var r = keep + 1; r <= rows; r++) { offsets[r] = offsets[keep]; }
        return new MultiCategoricalFeature(Name, Vocabulary, offsets, Values[..offsets[rows]]);
    }

    public static MultiCategoricalFeature FromLists(string name, IdMap vocabulary, IReadOnlyList<IReadOnlyList<int>> lists)
    {
        var offsets = new int[lists.Count + 1];
        for (var r = 0; r < lists.Count; r++) { offsets[r + 1] = offsets[r] + lists[r].Count; }
        var values = new int[offsets[^1]];
        for (var r = 0; r < lists.Count; r++)
        {
            for (var j = 0; j < lists[r].Count; j++) { values[offsets[r] + j] = lists[r][j]; }
        }

        return new MultiCategoricalFeature(name, vocabulary, offsets, values);
    }
}

/// <summary>A number per row; NaN means missing.</summary>
public sealed class NumericFeature(string name, float[] values) : FeatureColumn(name, values.Length)
{
    public float[] Values { get; } = values;

    public override FeatureColumn Resize(int rows)
    {
        var v = new float[rows];
        Array.Fill(v, float.NaN);
        Values.AsSpan(0, Math.Min(rows, Values.Length)).CopyTo(v);
        return new NumericFeature(Name, v);
    }
}

/// <summary>Free text per row (titles); null means missing.</summary>
public sealed class TextFeature(string name, string?[] values) : FeatureColumn(name, values.Length)
{
    public string?[] Values { get; } = values;

    public override FeatureColumn Resize(int rows)
    {
        var v = new string?[rows];
        Values.AsSpan(0, Math.Min(rows, Values.Length)).CopyTo(v);
        return new TextFeature(Name, v);
    }
}
