namespace Chucheon.Neural.Ctr;

/// <summary>Mean attention weights of one attention layer over the examples dumped: <see cref="Heads"/>[h][i][j] is
/// how much field i attends to field j in head h; <see cref="Mean"/> averages the heads.</summary>
public sealed record AttentionLayerDump(string Layer, double[][][] Heads, double[][] Mean);

/// <summary>An attention model's weights per layer and field pair, averaged over <see cref="Rows"/> examples.</summary>
public sealed record AttentionDump(string Model, string[] Fields, int Rows, IReadOnlyList<AttentionLayerDump> Layers)
{
    /// <summary>The strongest (query field → key field) pairs of the last layer's head mean, for a readable summary.</summary>
    public IEnumerable<(string From, string To, double Weight)> TopPairs(int count)
    {
        if (Layers.Count == 0) { return []; }
        var mean = Layers[^1].Mean;
        return Enumerable.Range(0, Fields.Length)
            .SelectMany(i => Enumerable.Range(0, Fields.Length).Where(j => j != i).Select(j => (Fields[i], Fields[j], mean[i][j])))
            .OrderByDescending(p => p.Item3)
            .Take(count);
    }
}
