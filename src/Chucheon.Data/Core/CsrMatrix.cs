namespace Chucheon.Data;

/// <summary>Compressed sparse rows of float values; the shape used for user→items and item→users adjacency.</summary>
/// <remarks>Column indices within a row are sorted ascending and unique.</remarks>
public sealed class CsrMatrix
{
    public CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values)
    {
        if (rowPointers.Length != rows + 1)
        {
            throw new ArgumentException("Row pointer array must have rows + 1 entries.", nameof(rowPointers));
        }

        if (columnIndices.Length != values.Length || rowPointers[rows] != values.Length)
        {
            throw new ArgumentException("Column index and value arrays must both hold rowPointers[rows] entries.", nameof(values));
        }

        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    public int[] RowPointers { get; }

    public int[] ColumnIndices { get; }

    public float[] Values { get; }

    public int NonZeros => Values.Length;

    public ReadOnlySpan<int> RowIndices(int row) =>
        ColumnIndices.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    public ReadOnlySpan<float> RowValues(int row) =>
        Values.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    public int RowLength(int row) => RowPointers[row + 1] - RowPointers[row];

    public bool Contains(int row, int column) => RowIndices(row).BinarySearch(column) >= 0;

    public static CsrMatrix Empty(int rows, int columns) => new(rows, columns, new int[rows + 1], [], []);

    /// <summary>Builds from coordinate triples. Duplicate (row, column) pairs are summed, as counts of repeated events.</summary>
    public static CsrMatrix FromCoordinates(int rows, int columns, ReadOnlySpan<int> rowIds, ReadOnlySpan<int> columnIds, ReadOnlySpan<float> values)
    {
        if (rowIds.Length != columnIds.Length || (values.Length != 0 && values.Length != rowIds.Length))
        {
            throw new ArgumentException("Coordinate arrays must have equal length (values may be empty for all-ones).");
        }

        var counts = new int[rows + 1];
        for (var i = 0; i < rowIds.Length; i++)
        {
            var r = rowIds[i];
            if ((uint)r >= (uint)rows || (uint)columnIds[i] >= (uint)columns)
            {
                throw new ArgumentOutOfRangeException(nameof(rowIds), $"Entry {i} ({r}, {columnIds[i]}) lies outside a {rows}x{columns} matrix.");
            }

            counts[r + 1]++;
        }

        for (var r = 0; r < rows; r++)
        {
            counts[r + 1] += counts[r];
        }

        var cursor = counts.AsSpan(0, rows).ToArray();
        var cols = new int[rowIds.Length];
        var vals = new float[rowIds.Length];
        for (var i = 0; i < rowIds.Length; i++)
        {
            var slot = cursor[rowIds[i]]++;
            cols[slot] = columnIds[i];
            vals[slot] = values.Length == 0 ? 1f : values[i];
        }

        // Sort each row by column and merge duplicates in place.
        var pointers = new int[rows + 1];
        var write = 0;
        for (var r = 0; r < rows; r++)
        {
            var start = counts[r];
            var end = counts[r + 1];
            Array.Sort(cols, vals, start, end - start);
            pointers[r] = write;
            for (var i = start; i < end; i++)
            {
                if (write > pointers[r] && cols[write - 1] == cols[i])
                {
                    vals[write - 1] += vals[i];
                }
                else
                {
                    cols[write] = cols[i];
                    vals[write] = vals[i];
                    write++;
                }
            }
        }

        pointers[rows] = write;
        if (write != cols.Length)
        {
            Array.Resize(ref cols, write);
            Array.Resize(ref vals, write);
        }

        return new CsrMatrix(rows, columns, pointers, cols, vals);
    }

    public CsrMatrix Transpose()
    {
        var pointers = new int[Columns + 1];
        foreach (var c in ColumnIndices)
        {
            pointers[c + 1]++;
        }

        for (var c = 0; c < Columns; c++)
        {
            pointers[c + 1] += pointers[c];
        }

        var cursor = pointers.AsSpan(0, Columns).ToArray();
        var rowsOut = new int[NonZeros];
        var valuesOut = new float[NonZeros];
        for (var r = 0; r < Rows; r++)
        {
            for (var p = RowPointers[r]; p < RowPointers[r + 1]; p++)
            {
                var slot = cursor[ColumnIndices[p]]++;
                rowsOut[slot] = r;
                valuesOut[slot] = Values[p];
            }
        }

        return new CsrMatrix(Columns, Rows, pointers, rowsOut, valuesOut);
    }

    /// <summary>Same pattern with every stored value replaced by one (binary implicit feedback).</summary>
    public CsrMatrix Binarized()
    {
        var ones = new float[NonZeros];
        Array.Fill(ones, 1f);
        return new CsrMatrix(Rows, Columns, RowPointers, ColumnIndices, ones);
    }

    /// <summary>Element-wise union of two same-shaped patterns (values summed where both have an entry).</summary>
    public CsrMatrix Union(CsrMatrix other)
    {
        if (other.Rows != Rows || other.Columns != Columns)
        {
            throw new ArgumentException($"Shape mismatch: {Rows}x{Columns} vs {other.Rows}x{other.Columns}.", nameof(other));
        }

        var rowIds = new int[NonZeros + other.NonZeros];
        var colIds = new int[rowIds.Length];
        var vals = new float[rowIds.Length];
        var n = 0;
        foreach (var m in (ReadOnlySpan<CsrMatrix>)[this, other])
        {
            for (var r = 0; r < m.Rows; r++)
            {
                for (var p = m.RowPointers[r]; p < m.RowPointers[r + 1]; p++)
                {
                    rowIds[n] = r;
                    colIds[n] = m.ColumnIndices[p];
                    vals[n] = m.Values[p];
                    n++;
                }
            }
        }

        return FromCoordinates(Rows, Columns, rowIds, colIds, vals);
    }
}
