namespace Chucheon.Data.Ctr;

/// <summary>The shape every CTR model is built for: field names, how many distinct indices each field has (its
/// vocabulary plus the OOV bucket) and how many embedding slots it occupies per example. Feature indices are global:
/// field f owns [<see cref="FieldOffsets"/>[f], FieldOffsets[f] + FieldSizes[f]). Saved with a model so it can be
/// rebuilt without the training data.</summary>
public sealed record CtrLayout(string[] FieldNames, int[] FieldSizes, int[] FieldSlots)
{
    public int FieldCount => FieldNames.Length;

    public int FeatureCount => FieldSizes.Sum();

    public int SlotCount => FieldSlots.Sum();

    /// <summary>True when every field has exactly one slot (no pooling needed between slots and fields).</summary>
    public bool OneSlotPerField => FieldSlots.All(s => s == 1);

    public int[] FieldOffsets
    {
        get
        {
            var offsets = new int[FieldCount];
            for (var f = 1; f < FieldCount; f++) { offsets[f] = offsets[f - 1] + FieldSizes[f - 1]; }
            return offsets;
        }
    }

    /// <summary>The field each slot belongs to (slots of a field are contiguous, in field order).</summary>
    public int[] SlotFields
    {
        get
        {
            var result = new int[SlotCount];
            var s = 0;
            for (var f = 0; f < FieldCount; f++)
            {
                for (var k = 0; k < FieldSlots[f]; k++) { result[s++] = f; }
            }

            return result;
        }
    }
}
