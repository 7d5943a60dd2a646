namespace Chucheon.Data.Readers.Building;

/// <summary>A front for <see cref="IdMap.GetOrAdd(ReadOnlySpan{char})"/> that answers small non-negative integer ids
/// from a flat array. Large files mostly use such ids, and a hash lookup that chases a string per row is what bounds
/// reading speed once the id count outgrows the CPU cache.</summary>
/// <remarks>Only canonical spellings take the fast path ("7", never "07" or "+7", which are different raw ids), and
/// every id still goes through the map on first sight, so dense ids and raw strings are exactly those the map alone
/// would give.</remarks>
internal sealed class IdLookup(IdMap map)
{
    // 2^24 ids cap the array at 64 MB; larger numbers fall back to the map.
    private const int MaxDirectId = 1 << 24;
    private const int MaxDirectDigits = 8;

    private int[] _denseByNumber = [];

    public IdMap Map { get; } = map;

    public int GetOrAdd(ReadOnlySpan<char> raw)
    {
        if (!TryParseCanonical(raw, out var number) || number >= MaxDirectId)
        {
            return Map.GetOrAdd(raw);
        }

        if (number >= _denseByNumber.Length)
        {
            Grow(number);
        }

        var dense = _denseByNumber[number];
        if (dense < 0)
        {
            dense = Map.GetOrAdd(raw);
            _denseByNumber[number] = dense;
        }

        return dense;
    }

    private void Grow(int number)
    {
        var old = _denseByNumber.Length;
        var size = (int)Math.Min(MaxDirectId, Math.Max(number + 1L, Math.Max(1024L, old * 2L)));
        Array.Resize(ref _denseByNumber, size);
        _denseByNumber.AsSpan(old).Fill(-1);
    }

    private static bool TryParseCanonical(ReadOnlySpan<char> raw, out int number)
    {
        number = 0;
        if (raw.IsEmpty || raw.Length > MaxDirectDigits || (raw[0] == '0' && raw.Length > 1))
        {
            return false;
        }

        foreach (var c in raw)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }
}
