namespace Chucheon.Data.Readers.Building;

/// <summary>Builds a <see cref="FeatureTable"/> whose rows are dense ids that may arrive in any order and may keep
/// growing while the file is read; <see cref="Build"/> sizes every column to the final id count.</summary>
internal sealed class FeatureTableBuilder
{
    private readonly List<FeatureColumnBuilder> _columns = [];

    public CategoricalColumnBuilder Categorical(string name) => Register(new CategoricalColumnBuilder(name));

    public MultiCategoricalColumnBuilder MultiCategorical(string name, IdMap? vocabulary = null) =>
        Register(new MultiCategoricalColumnBuilder(name, vocabulary ?? new IdMap()));

    public NumericColumnBuilder Numeric(string name) => Register(new NumericColumnBuilder(name));

    public TextColumnBuilder Text(string name) => Register(new TextColumnBuilder(name));

    public bool IsEmpty => _columns.Count == 0;

    /// <summary>The table for <paramref name="rows"/> entities, or null when no column was declared.</summary>
    public FeatureTable? Build(int rows)
    {
        if (IsEmpty)
        {
            return null;
        }

        var table = new FeatureTable(rows);
        foreach (var column in _columns) { table.Add(column.Build(rows)); }
        return table;
    }

    private T Register<T>(T column) where T : FeatureColumnBuilder
    {
        if (_columns.Any(c => c.Name == column.Name))
        {
            throw new InvalidOperationException($"Feature '{column.Name}' is declared twice.");
        }

        _columns.Add(column);
        return column;
    }
}

internal abstract class FeatureColumnBuilder(string name)
{
    public string Name { get; } = name;

    public abstract FeatureColumn Build(int rows);

    protected static void EnsureRow<T>(ref T[] values, int row, T missing)
    {
        if (row < values.Length)
        {
            return;
        }

        var old = values.Length;
        Array.Resize(ref values, Math.Max(row + 1, Math.Max(16, old * 2)));
        values.AsSpan(old).Fill(missing);
    }

    protected static T[] Sized<T>(T[] values, int rows, T missing)
    {
        var sized = new T[rows];
        sized.AsSpan().Fill(missing);
        values.AsSpan(0, Math.Min(rows, values.Length)).CopyTo(sized);
        return sized;
    }
}

internal sealed class CategoricalColumnBuilder(string name) : FeatureColumnBuilder(name)
{
    private readonly IdMap _vocabulary = new();
    private int[] _values = [];

    /// <summary>Sets the category of a row; an empty value means missing.</summary>
    public void Set(int row, ReadOnlySpan<char> category)
    {
        EnsureRow(ref _values, row, -1);
        _values[row] = category.IsEmpty ? -1 : _vocabulary.GetOrAdd(category);
    }

    public override FeatureColumn Build(int rows) => new CategoricalFeature(Name, _vocabulary, Sized(_values, rows, -1));
}

internal sealed class NumericColumnBuilder(string name) : FeatureColumnBuilder(name)
{
    private float[] _values = [];

    public void Set(int row, float value)
    {
        EnsureRow(ref _values, row, float.NaN);
        _values[row] = value;
    }

    public override FeatureColumn Build(int rows) => new NumericFeature(Name, Sized(_values, rows, float.NaN));
}

internal sealed class TextColumnBuilder(string name) : FeatureColumnBuilder(name)
{
    private string?[] _values = [];

    public void Set(int row, string? text)
    {
        EnsureRow(ref _values, row, null);
        _values[row] = text;
    }

    public override FeatureColumn Build(int rows) => new TextFeature(Name, Sized(_values, rows, null));
}

/// <summary>Category sets per row, collected as (row, category) pairs; a row's categories keep first-seen order and
/// repeats within a row are dropped.</summary>
internal sealed class MultiCategoricalColumnBuilder(string name, IdMap vocabulary) : FeatureColumnBuilder(name)
{
    private GrowableArray<int> _rows = new(256);
    private GrowableArray<int> _categories = new(256);

    public IdMap Vocabulary { get; } = vocabulary;

    public void Add(int row, ReadOnlySpan<char> category)
    {
        if (!category.IsEmpty)
        {
            Add(row, Vocabulary.GetOrAdd(category));
        }
    }

    /// <summary>Adds every category of a list such as "Action|Comedy"; <paramref name="none"/> marks an empty list.</summary>
    public void AddList(int row, ReadOnlySpan<char> list, char separator, string? none = null)
    {
        list = list.Trim();
        if (none is not null && list.SequenceEqual(none))
        {
            return;
        }

        foreach (var range in list.Split(separator))
        {
            Add(row, list[range].Trim());
        }
    }

    public void Add(int row, int category)
    {
        _rows.Add(row);
        _categories.Add(category);
    }

    public override FeatureColumn Build(int rows)
    {
        var offsets = new int[rows + 1];
        for (var i = 0; i < _rows.Count; i++)
        {
            if (_rows[i] < rows) { offsets[_rows[i] + 1]++; }
        }

        for (var r = 0; r < rows; r++) { offsets[r + 1] += offsets[r]; }

        var cursor = offsets.AsSpan(0, rows).ToArray();
        var values = new int[offsets[rows]];
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            if (row >= rows)
            {
                continue;
            }

            var segment = values.AsSpan(offsets[row], cursor[row] - offsets[row]);
            if (!segment.Contains(_categories[i]))
            {
                values[cursor[row]++] = _categories[i];
            }
        }

        return Compact(rows, offsets, cursor, values);
    }

    private MultiCategoricalFeature Compact(int rows, int[] offsets, int[] cursor, int[] values)
    {
        var compactOffsets = new int[rows + 1];
        var write = 0;
        for (var r = 0; r < rows; r++)
        {
            var length = cursor[r] - offsets[r];
            Array.Copy(values, offsets[r], values, write, length);
            write += length;
            compactOffsets[r + 1] = write;
        }

        return new MultiCategoricalFeature(Name, Vocabulary, compactOffsets, values[..write]);
    }
}
