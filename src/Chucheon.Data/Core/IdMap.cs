namespace Chucheon.Data;

/// <summary>Two-way map between raw external ids (strings as they appear in files) and dense internal ids 0..Count-1.</summary>
/// <remarks>Dense ids are assigned in first-seen order, so the same file always yields the same ids.</remarks>
public sealed class IdMap
{
    private readonly Dictionary<string, int> _toDense;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly List<string> _raw;

    public IdMap()
    {
        _toDense = new Dictionary<string, int>(StringComparer.Ordinal);
        _spanLookup = _toDense.GetAlternateLookup<ReadOnlySpan<char>>();
        _raw = [];
    }

    public IdMap(IEnumerable<string> rawIds) : this()
    {
        foreach (var raw in rawIds)
        {
            if (!TryAdd(raw, out _))
            {
                throw new ArgumentException($"Duplicate raw id '{raw}' in id map.", nameof(rawIds));
            }
        }
    }

    public int Count => _raw.Count;

    public IReadOnlyList<string> RawIds => _raw;

    public int GetOrAdd(ReadOnlySpan<char> raw)
    {
        if (_spanLookup.TryGetValue(raw, out var id))
        {
            return id;
        }

        var key = raw.ToString();
        id = _raw.Count;
        _toDense.Add(key, id);
        _raw.Add(key);
        return id;
    }

    public int GetOrAdd(string raw) => GetOrAdd(raw.AsSpan());

    private bool TryAdd(string raw, out int id)
    {
        if (_toDense.TryGetValue(raw, out id))
        {
            return false;
        }

        id = _raw.Count;
        _toDense.Add(raw, id);
        _raw.Add(raw);
        return true;
    }

    public bool TryGetDense(ReadOnlySpan<char> raw, out int id) => _spanLookup.TryGetValue(raw, out id);

    public bool TryGetDense(string raw, out int id) => _toDense.TryGetValue(raw, out id);

    /// <summary>Dense id of a raw id, or a <see cref="KeyNotFoundException"/> naming the id and what it is.</summary>
    public int GetDense(string raw, string what = "id") =>
        _toDense.TryGetValue(raw, out var id) ? id : throw new KeyNotFoundException($"Unknown {what} '{raw}'.");

    public string GetRaw(int dense) => _raw[dense];

    public IdMap Clone() => new(_raw);
}
