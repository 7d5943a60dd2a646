namespace Chucheon.Data.Ctr;

/// <summary>Encoded CTR examples ready for a model: per example <see cref="CtrLayout.SlotCount"/> global feature
/// indices and their values (libFM's <c>index:value</c>; 1 for a categorical token, 1/k for each of k multi-valued
/// tokens, the scaled number for a scaled numeric field, 0 for unused padding slots), a 0/1 label and a group id
/// (the user, for group AUC; -1 when the schema has no group field).</summary>
public sealed class CtrDataset
{
    public CtrDataset(CtrLayout layout, long[] indices, float[] values, float[] labels, int[] groups)
    {
        var slots = layout.SlotCount;
        if (indices.Length != labels.Length * slots || values.Length != indices.Length || groups.Length != labels.Length)
        {
            throw new ArgumentException($"Inconsistent CTR arrays: {labels.Length} labels, {indices.Length} indices, {values.Length} values, {groups.Length} groups for {slots} slots.");
        }

        Layout = layout;
        Indices = indices;
        Values = values;
        Labels = labels;
        Groups = groups;
    }

    public CtrLayout Layout { get; }

    /// <summary>Row-major [Count, SlotCount] global feature indices (long: what libtorch's embedding lookup takes).</summary>
    public long[] Indices { get; }

    /// <summary>Row-major [Count, SlotCount] feature values.</summary>
    public float[] Values { get; }

    public float[] Labels { get; }

    public int[] Groups { get; }

    public int Count => Labels.Length;

    public double PositiveRate => Count == 0 ? double.NaN : Labels.Count(l => l >= 0.5f) / (double)Count;

    /// <summary>The given rows as a new dataset (mini-batches, subsamples).</summary>
    public CtrDataset Select(ReadOnlySpan<int> rows)
    {
        var slots = Layout.SlotCount;
        var indices = new long[rows.Length * slots];
        var values = new float[rows.Length * slots];
        var labels = new float[rows.Length];
        var groups = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var source = rows[r];
            Indices.AsSpan(source * slots, slots).CopyTo(indices.AsSpan(r * slots));
            Values.AsSpan(source * slots, slots).CopyTo(values.AsSpan(r * slots));
            labels[r] = Labels[source];
            groups[r] = Groups[source];
        }

        return new CtrDataset(Layout, indices, values, labels, groups);
    }
}
