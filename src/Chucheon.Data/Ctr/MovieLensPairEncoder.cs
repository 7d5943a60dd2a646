namespace Chucheon.Data.Ctr;

/// <summary>Encodes (user, item) pairs into CTR rows fast enough to score every retrieved candidate: the user fields
/// and the item fields of <see cref="MovieLensCtrFeatures"/> are encoded once per user and once per item, and a pair
/// is the concatenation of the two slot blocks.</summary>
public sealed class MovieLensPairEncoder
{
    private readonly CtrLayout _layout;
    private readonly int _userSlots;
    private readonly int _itemSlots;
    private readonly long[] _userIndices;
    private readonly float[] _userValues;
    private readonly long[] _itemIndices;
    private readonly float[] _itemValues;

    public MovieLensPairEncoder(CtrEncoder encoder, MovieLensCtrFeatures features, int users, int items)
    {
        _layout = encoder.Layout;
        if (!_layout.FieldNames.SequenceEqual(MovieLensCtrFeatures.FieldNames))
        {
            throw new ArgumentException("The encoder was not fitted on the MovieLens CTR schema.", nameof(encoder));
        }

        var offsets = _layout.FieldOffsets;
        var userFields = MovieLensCtrFeatures.UserFieldCount;
        _userSlots = _layout.FieldSlots.Take(userFields).Sum();
        _itemSlots = _layout.SlotCount - _userSlots;
        var cells = new string?[_layout.FieldCount];
        (_userIndices, _userValues) = EncodeSide(users, _userSlots, 0, userFields, (e, c) => features.Cells(e, 0, c));
        (_itemIndices, _itemValues) = EncodeSide(items, _itemSlots, userFields, _layout.FieldCount, (e, c) => features.Cells(0, e, c));

        (long[], float[]) EncodeSide(int count, int slots, int firstField, int endField, Action<int, string?[]> fill)
        {
            var indices = new long[count * slots];
            var values = new float[count * slots];
            for (var e = 0; e < count; e++)
            {
                fill(e, cells);
                var at = e * slots;
                for (var f = firstField; f < endField; f++)
                {
                    var width = _layout.FieldSlots[f];
                    encoder.EncodeCell(f, cells[f], offsets[f], indices.AsSpan(at, width), values.AsSpan(at, width));
                    at += width;
                }
            }

            return (indices, values);
        }
    }

    /// <summary>Rows for <paramref name="user"/> paired with each of <paramref name="items"/> (labels 0, group = user).</summary>
    public CtrDataset Encode(int user, ReadOnlySpan<int> items)
    {
        var slots = _layout.SlotCount;
        var indices = new long[items.Length * slots];
        var values = new float[items.Length * slots];
        for (var r = 0; r < items.Length; r++)
        {
            _userIndices.AsSpan(user * _userSlots, _userSlots).CopyTo(indices.AsSpan(r * slots));
            _userValues.AsSpan(user * _userSlots, _userSlots).CopyTo(values.AsSpan(r * slots));
            _itemIndices.AsSpan(items[r] * _itemSlots, _itemSlots).CopyTo(indices.AsSpan((r * slots) + _userSlots));
            _itemValues.AsSpan(items[r] * _itemSlots, _itemSlots).CopyTo(values.AsSpan((r * slots) + _userSlots));
        }

        var groups = new int[items.Length];
        Array.Fill(groups, user);
        return new CtrDataset(_layout, indices, values, new float[items.Length], groups);
    }
}
