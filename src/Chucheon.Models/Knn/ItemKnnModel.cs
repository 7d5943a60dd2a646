using Chucheon.Data;
using Chucheon.Models.Internal;

namespace Chucheon.Models.Knn;

/// <summary>Item-based collaborative filtering: score(u, j) = Σ over the items i in u's history of x_ui · sim(i, j),
/// with sim the shrunk cosine between item columns, keeping each item's top-k neighbours.</summary>
/// <remarks>
/// Sarwar, Karypis, Konstan &amp; Riedl (2001). "Item-Based Collaborative Filtering Recommendation Algorithms."
/// WWW '01; Deshpande &amp; Karypis (2004). "Item-Based Top-N Recommendation Algorithms." ACM TOIS 22(1).
/// The similarity matrix is sparse (items × items, k per row) and built by co-occurrence, one item per task
/// (<see cref="NeighbourSearch"/>). Row i holds i's neighbours j and sim(i, j), so scoring a user adds the rows of
/// the user's items: any history works, including users and items the fit never saw (unknown items are skipped).
/// </remarks>
public sealed class ItemKnnModel : IRecommender, ISimilarItems
{
    private CsrMatrix _similarity = CsrMatrix.Empty(0, 0);
    private int _threads = Environment.ProcessorCount;

    public ItemKnnModel(ItemKnnOptions options)
    {
        options.Validate();
        Options = options;
    }

    public string Alias => "itemknn";

    public ItemKnnOptions Options { get; }

    IModelOptions IRecommender.Options => Options;

    public int ItemCount => _similarity.Rows;

    /// <summary>The fitted item → neighbour similarities (rows: items; columns ascending).</summary>
    public CsrMatrix Similarity => _similarity;

    public void Fit(InteractionDataset train, FitContext context)
    {
        context.Report("similarity", 0, 1);
        var items = new WeightedRows(train.ItemUsers, Options.Weighting, Options.K1, Options.B);
        _similarity = new NeighbourSearch(items, Options.Shrink, Options.K).FindAll(context.ParallelOptions);
        _threads = context.Threads;
        context.Report("similarity", 1, 1);
    }

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var n = ItemCount;
        var userArray = users.ToArray();
        scores[..(userArray.Length * n)].Clear();
        ParallelRows.For(scores, userArray.Length, n, 8, _threads, (first, count, block) =>
        {
            var mass = Options.Normalize ? new float[n] : null;
            for (var r = 0; r < count; r++)
            {
                var user = userArray[first + r];
                if ((uint)user >= (uint)history.Rows) { continue; }

                var row = block.Slice(r * n, n);
                var items = history.RowIndices(user);
                var weights = history.RowValues(user);
                for (var p = 0; p < items.Length; p++)
                {
                    if ((uint)items[p] >= (uint)n) { continue; }

                    var neighbours = _similarity.RowIndices(items[p]);
                    var similarities = _similarity.RowValues(items[p]);
                    for (var q = 0; q < neighbours.Length; q++)
                    {
                        row[neighbours[q]] += weights[p] * similarities[q];
                        if (mass is not null) { mass[neighbours[q]] += MathF.Abs(similarities[q]); }
                    }
                }

                if (mass is not null)
                {
                    for (var j = 0; j < n; j++)
                    {
                        row[j] = mass[j] > 0 ? row[j] / mass[j] : 0;
                    }

                    Array.Clear(mass);
                }
            }
        });
    }

    public IReadOnlyList<ScoredItem> SimilarItems(int item, int k)
    {
        if ((uint)item >= (uint)ItemCount || k <= 0) { return []; }

        var neighbours = _similarity.RowIndices(item);
        var similarities = _similarity.RowValues(item);
        var result = new ScoredItem[neighbours.Length];
        for (var q = 0; q < result.Length; q++) { result[q] = new ScoredItem(neighbours[q], similarities[q]); }
        // Descending similarity, ties toward the lower item id.
        Array.Sort(result, (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Item.CompareTo(y.Item));
        return result.Length > k ? result[..k] : result;
    }

    public void Save(ArtifactWriter writer) => CsrArtifacts.Write(writer, "similarity", _similarity);

    public static ItemKnnModel Load(ItemKnnOptions options, ArtifactReader reader) =>
        new(options) { _similarity = CsrArtifacts.Read(reader, "similarity") };
}
