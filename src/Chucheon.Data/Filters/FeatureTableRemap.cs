namespace Chucheon.Data.Filters;

/// <summary>Carries side features across an id remapping, so that row <c>r</c> of the result describes the entity that
/// had old dense id <c>oldIds[r]</c>.</summary>
/// <remarks>Category vocabularies are kept whole: compacting them would renumber categories that models or configs
/// may refer to, and an unused category costs only a name.</remarks>
public static class FeatureTableRemap
{
    /// <summary>A table whose rows are <paramref name="oldIds"/> of <paramref name="table"/>, in that order. An old id past
    /// the end of the table (an entity added to the id map after the features were read) gets the missing value.</summary>
    public static FeatureTable SelectRows(this FeatureTable table, ReadOnlySpan<int> oldIds)
    {
        ArgumentNullException.ThrowIfNull(table);
        var result = new FeatureTable(oldIds.Length);
        foreach (var column in table.Columns)
        {
            result.Add(SelectRows(column, oldIds));
        }

        return result;
    }

    public static FeatureColumn SelectRows(FeatureColumn column, ReadOnlySpan<int> oldIds) => column switch
    {
        CategoricalFeature c => new CategoricalFeature(c.Name, c.Vocabulary, Gather(c.Values, oldIds, -1)),
        NumericFeature n => new NumericFeature(n.Name, Gather(n.Values, oldIds, float.NaN)),
        TextFeature t => new TextFeature(t.Name, Gather(t.Values, oldIds, null)),
        MultiCategoricalFeature m => SelectRows(m, oldIds),
        _ => throw new NotSupportedException($"Feature '{column.Name}' has column type {column.GetType().Name}, which cannot be remapped."),
    };

    private static MultiCategoricalFeature SelectRows(MultiCategoricalFeature column, ReadOnlySpan<int> oldIds)
    {
        var offsets = new int[oldIds.Length + 1];
        for (var r = 0; r < oldIds.Length; r++)
        {
            var old = oldIds[r];
            offsets[r + 1] = offsets[r] + (old < column.Rows ? column.Of(old).Length : 0);
        }

        var values = new int[offsets[^1]];
        for (var r = 0; r < oldIds.Length; r++)
        {
            if (oldIds[r] < column.Rows)
            {
                column.Of(oldIds[r]).CopyTo(values.AsSpan(offsets[r]));
            }
        }

        return new MultiCategoricalFeature(column.Name, column.Vocabulary, offsets, values);
    }

    private static T[] Gather<T>(T[] source, ReadOnlySpan<int> oldIds, T missing)
    {
        var result = new T[oldIds.Length];
        for (var r = 0; r < oldIds.Length; r++)
        {
            var old = oldIds[r];
            result[r] = (uint)old < (uint)source.Length ? source[old] : missing;
        }

        return result;
    }
}
