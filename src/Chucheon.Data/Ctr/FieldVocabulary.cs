namespace Chucheon.Data.Ctr;

/// <summary>Token → local index for one field, built on training rows: tokens seen at least <c>min_count</c> times get
/// indices 1..n in first-seen order (deterministic); index 0 is the out-of-vocabulary bucket shared by rare, unseen
/// and missing tokens, so a model always has an embedding to look up.</summary>
public sealed class FieldVocabulary
{
    public const int OutOfVocabulary = 0;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public FieldVocabulary(IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (!_index.ContainsKey(token)) { _index[token] = _index.Count + 1; }
        }
    }

    /// <summary>Builds from token occurrences (in order), keeping tokens seen at least <paramref name="minCount"/> times.</summary>
    public static FieldVocabulary Build(IEnumerable<string> occurrences, int minCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var token in occurrences)
        {
            if (counts.TryGetValue(token, out var c)) { counts[token] = c + 1; }
            else
            {
                counts[token] = 1;
                order.Add(token);
            }
        }

        return new FieldVocabulary(order.Where(t => counts[t] >= minCount));
    }

    /// <summary>Known tokens plus the OOV bucket.</summary>
    public int Size => _index.Count + 1;

    /// <summary>Known tokens in index order (index i + 1 for element i), for saving.</summary>
    public IEnumerable<string> Tokens => _index.OrderBy(kv => kv.Value).Select(kv => kv.Key);

    public int IndexOf(string? token) => token is not null && _index.TryGetValue(token, out var i) ? i : OutOfVocabulary;
}
