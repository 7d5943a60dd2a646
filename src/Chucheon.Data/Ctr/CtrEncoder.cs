namespace Chucheon.Data.Ctr;

/// <summary>Turns raw CTR tables into model-ready <see cref="CtrDataset"/>s. Fitted on the training part only
/// (vocabularies with <c>min_count</c>, numeric mean and standard deviation), then applied unchanged to validation,
/// test and serving rows, so nothing about held-out data leaks into the features.</summary>
public sealed class CtrEncoder
{
    private readonly FieldVocabulary[] _vocabularies;
    private readonly double[] _means;
    private readonly double[] _deviations;

    private CtrEncoder(CtrSchema schema, FieldVocabulary[] vocabularies, double[] means, double[] deviations)
    {
        Schema = schema;
        _vocabularies = vocabularies;
        _means = means;
        _deviations = deviations;
        Layout = new CtrLayout(
            schema.Fields.Select(f => f.Name).ToArray(),
            schema.Fields.Select((f, i) => IsScaled(f) ? 1 : vocabularies[i].Size).ToArray(),
            schema.Fields.Select(f => f.Slots).ToArray());
    }

    public CtrSchema Schema { get; }

    public CtrLayout Layout { get; }

    public FieldVocabulary Vocabulary(int field) => _vocabularies[field];

    /// <summary>Fits vocabularies and numeric statistics on <paramref name="train"/>.</summary>
    public static CtrEncoder Fit(CtrSchema schema, RawCtrTable train, int minCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var columns = ColumnsOf(schema, train);
        var count = schema.Fields.Count;
        var vocabularies = new FieldVocabulary[count];
        var means = new double[count];
        var deviations = new double[count];
        for (var f = 0; f < count; f++)
        {
            var spec = schema.Fields[f];
            var column = columns[f];
            if (IsScaled(spec))
            {
                (means[f], deviations[f]) = Moments(train, column);
                vocabularies[f] = new FieldVocabulary([]);
                continue;
            }

            vocabularies[f] = FieldVocabulary.Build(
                Enumerable.Range(0, train.Count).SelectMany(r => Tokens(spec, train.Cell(r, column))), minCount);
        }

        return new CtrEncoder(schema, vocabularies, means, deviations);
    }

    /// <summary>Rebuilds a fitted encoder from its saved state (<see cref="State"/>).</summary>
    public static CtrEncoder FromState(CtrEncoderState state)
    {
        var schema = new CtrSchema(state.Fields, state.GroupField);
        return new CtrEncoder(schema, state.Tokens.Select(t => new FieldVocabulary(t)).ToArray(), state.Means, state.Deviations);
    }

    public CtrEncoderState State => new(Schema.Fields.ToArray(), Schema.GroupField,
        _vocabularies.Select(v => v.Tokens.ToArray()).ToArray(), _means, _deviations);

    public CtrDataset Encode(RawCtrTable table)
    {
        var columns = ColumnsOf(Schema, table);
        var layout = Layout;
        var slots = layout.SlotCount;
        var offsets = layout.FieldOffsets;
        var indices = new long[table.Count * slots];
        var values = new float[table.Count * slots];
        var labels = new float[table.Count];
        var groups = new int[table.Count];
        var groupColumn = Schema.GroupField is { } g ? columns[Schema.IndexOf(g)] : -1;
        var groupIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < table.Count; r++)
        {
            var slot = r * slots;
            for (var f = 0; f < Schema.Fields.Count; f++)
            {
                EncodeCell(f, table.Cell(r, columns[f]), offsets[f], indices.AsSpan(slot, layout.FieldSlots[f]), values.AsSpan(slot, layout.FieldSlots[f]));
                slot += layout.FieldSlots[f];
            }

            labels[r] = table.Label(r);
            groups[r] = groupColumn < 0 ? -1 : GroupId(groupIds, table.Cell(r, groupColumn));
        }

        return new CtrDataset(layout, indices, values, labels, groups);
    }

    /// <summary>Encodes one cell of field <paramref name="field"/> into its slots (global indices and values).</summary>
    public void EncodeCell(int field, string? cell, int offset, Span<long> indices, Span<float> values)
    {
        var spec = Schema.Fields[field];
        if (IsScaled(spec))
        {
            indices[0] = offset;
            values[0] = NumericBuckets.TryParse(cell, out var x) && _deviations[field] > 0
                ? (float)((x - _means[field]) / _deviations[field])
                : 0f;
            return;
        }

        // Unused slots of a multi-valued field point at the OOV bucket with value 0: they contribute nothing.
        indices.Fill(offset);
        values.Clear();
        var k = 0;
        foreach (var token in Tokens(spec, cell))
        {
            if (k == indices.Length) { break; }
            indices[k++] = offset + _vocabularies[field].IndexOf(token);
        }

        if (k == 0)
        {
            values[0] = 1f; // missing: the OOV embedding stands for "unknown"
            return;
        }

        values[..k].Fill(1f / k);
    }

    private static int GroupId(Dictionary<string, int> ids, string? token)
    {
        token ??= "";
        if (!ids.TryGetValue(token, out var id)) { ids[token] = id = ids.Count; }
        return id;
    }

    private static bool IsScaled(CtrFieldSpec spec) => spec is { Kind: CtrFieldKind.Numeric, Transform: NumericTransform.Scale };

    private static IEnumerable<string> Tokens(CtrFieldSpec spec, string? cell)
    {
        if (string.IsNullOrEmpty(cell)) { yield break; }
        switch (spec.Kind)
        {
            case CtrFieldKind.MultiCategorical:
                foreach (var part in cell.Split(spec.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return part;
                }

                break;
            case CtrFieldKind.Numeric:
                if (NumericBuckets.TryParse(cell, out var value)) { yield return NumericBuckets.Token(value); }
                break;
            default:
                yield return cell;
                break;
        }
    }

    private static (double Mean, double Deviation) Moments(RawCtrTable table, int column)
    {
        double sum = 0, squares = 0;
        var n = 0;
        for (var r = 0; r < table.Count; r++)
        {
            if (!NumericBuckets.TryParse(table.Cell(r, column), out var x)) { continue; }
            sum += x;
            squares += x * x;
            n++;
        }

        if (n == 0) { return (0, 0); }
        var mean = sum / n;
        return (mean, Math.Sqrt(Math.Max(0, (squares / n) - (mean * mean))));
    }

    private static int[] ColumnsOf(CtrSchema schema, RawCtrTable table) =>
        schema.Fields.Select(f =>
        {
            for (var c = 0; c < table.FieldCount; c++)
            {
                if (table.FieldNames[c] == f.Name) { return c; }
            }

            throw new ArgumentException($"The table has no column '{f.Name}'. Columns: {string.Join(", ", table.FieldNames)}.", nameof(table));
        }).ToArray();
}

/// <summary>What a fitted <see cref="CtrEncoder"/> saves: the schema, each field's known tokens in index order and
/// the numeric statistics.</summary>
public sealed record CtrEncoderState(CtrFieldSpec[] Fields, string? GroupField, string[][] Tokens, double[] Means, double[] Deviations);
