namespace Chucheon.Neural.Sequential;

/// <summary>For each item, its most correlated item: the one that most often appears within a small window of it in
/// the training sequences (CoSeRec's substitute and insert operators need "an item like this one").</summary>
/// <remarks>Co-occurrence counts are normalised by √(count_i · count_j), which keeps very popular items from being
/// everyone's neighbour. Ties go to the lower item id, so the table is deterministic.</remarks>
public sealed class ItemCorrelation
{
    private readonly int[] _best;

    private ItemCorrelation(int[] best) => _best = best;

    /// <summary>The most correlated item of <paramref name="item"/>, or -1 when it never co-occurs with another.</summary>
    public int MostCorrelated(int item) => (uint)item < (uint)_best.Length ? _best[item] : -1;

    public static ItemCorrelation FromSequences(IReadOnlyList<int[]> sequences, int itemCount, int window)
    {
        var counts = new int[itemCount];
        var pairs = new Dictionary<int, int>[itemCount];
        foreach (var s in sequences)
        {
            for (var i = 0; i < s.Length; i++)
            {
                counts[s[i]]++;
                for (var j = Math.Max(0, i - window); j <= Math.Min(s.Length - 1, i + window); j++)
                {
                    if (j == i || s[j] == s[i]) { continue; }
                    var map = pairs[s[i]] ??= [];
                    map[s[j]] = map.GetValueOrDefault(s[j]) + 1;
                }
            }
        }

        var best = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            best[i] = -1;
            if (pairs[i] is not { } map) { continue; }
            var bestScore = double.NegativeInfinity;
            foreach (var (j, c) in map)
            {
                var score = c / Math.Sqrt((double)counts[i] * counts[j]);
                if (score > bestScore || (score == bestScore && j < best[i]))
                {
                    bestScore = score;
                    best[i] = j;
                }
            }
        }

        return new ItemCorrelation(best);
    }
}
