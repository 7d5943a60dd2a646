using Chucheon.Data;

namespace Chucheon.Models.Baselines;

/// <summary>Ranks every item by how many training users interacted with it (optionally within a recent time window);
/// the same list for every user, minus what they have seen.</summary>
public sealed class PopularityRecommender(PopularityOptions options) : IRecommender, ISimilarItems
{
    public const string AliasName = "pop";

    private float[] _counts = [];

    public string Alias => AliasName;

    public IModelOptions Options => options;

    public int ItemCount => _counts.Length;

    /// <summary>Training popularity per item (the score every user gets).</summary>
    public ReadOnlySpan<float> Counts => _counts;

    public void Fit(InteractionDataset train, FitContext context)
    {
        var log = train.Log;
        var counts = new float[train.ItemCount];
        long cutoff = long.MinValue;
        if (options.WindowDays is { } days)
        {
            var times = log.Timestamps
                ?? throw new InvalidOperationException("pop: 'window_days' needs timestamps, and this dataset has none.");
            var latest = times.Length == 0 ? 0 : times.Max();
            cutoff = latest - (long)(days * 86_400);
        }

        if (options.DistinctUsers && options.WindowDays is null)
        {
            var itemUsers = train.ItemUsers;
            for (var i = 0; i < counts.Length; i++) { counts[i] = itemUsers.RowLength(i); }
        }
        else
        {
            var seen = options.DistinctUsers ? new HashSet<long>() : null;
            for (var r = 0; r < log.Count; r++)
            {
                if (log.Timestamps is { } t && t[r] < cutoff) { continue; }
                if (seen is not null && !seen.Add(((long)log.Users[r] << 32) | (uint)log.Items[r])) { continue; }
                counts[log.Items[r]]++;
            }
        }

        _counts = counts;
        context.Report("count", 1, 1);
    }

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        for (var row = 0; row < users.Length; row++)
        {
            _counts.CopyTo(scores.Slice(row * _counts.Length, _counts.Length));
        }
    }

    /// <summary>Popularity has no notion of similarity, so "similar" items are simply the most popular others.</summary>
    public IReadOnlyList<ScoredItem> SimilarItems(int item, int k)
    {
        var scores = (float[])_counts.Clone();
        if ((uint)item < (uint)scores.Length) { scores[item] = float.NegativeInfinity; }
        var (idx, val) = Evaluation.TopK.Select(scores, k);
        return [.. idx.Select((i, n) => new ScoredItem(i, val[n]))];
    }

    public void Save(ArtifactWriter writer) => writer.Write("counts", _counts);

    public static PopularityRecommender Load(PopularityOptions options, ArtifactReader reader) =>
        new(options) { _counts = reader.ReadFloats("counts") };
}
