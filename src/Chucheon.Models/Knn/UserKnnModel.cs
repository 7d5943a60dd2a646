using Chucheon.Data;
using Chucheon.Models.Internal;

namespace Chucheon.Models.Knn;

/// <summary>User-based collaborative filtering: score(u, j) = Σ over u's top-k neighbours v of sim(u, v) · x_vj,
/// with sim the shrunk cosine between user rows.</summary>
/// <remarks>
/// Resnick, Iacovou, Suchak, Bergstrom &amp; Riedl (1994). "GroupLens: An Open Architecture for Collaborative
/// Filtering of Netnews." CSCW '94; Herlocker, Konstan, Borchers &amp; Riedl (1999). "An Algorithmic Framework for
/// Performing Collaborative Filtering." SIGIR '99. Neighbours of training users are computed once at fit time
/// (sparse co-occurrence, <see cref="NeighbourSearch"/>). A user with no training row — a new user, or one held out
/// of training — is folded in: the history row given at scoring time is weighted like a training row and its
/// neighbours are searched on the fly among the training users.
/// </remarks>
public sealed class UserKnnModel : IRecommender
{
    private CsrMatrix _train = CsrMatrix.Empty(0, 0);
    private CsrMatrix _neighbours = CsrMatrix.Empty(0, 0);
    private NeighbourSearch? _search;
    private WeightedRows? _users;
    private int _threads = Environment.ProcessorCount;

    public UserKnnModel(UserKnnOptions options)
    {
        options.Validate();
        Options = options;
    }

    public string Alias => "userknn";

    public UserKnnOptions Options { get; }

    IModelOptions IRecommender.Options => Options;

    public int ItemCount => _train.Columns;

    /// <summary>The fitted user → neighbour similarities (rows: training users; columns ascending).</summary>
    public CsrMatrix Neighbours => _neighbours;

    public void Fit(InteractionDataset train, FitContext context)
    {
        context.Report("similarity", 0, 1);
        _train = train.UserItems;
        Prepare();
        _neighbours = _search!.FindAll(context.ParallelOptions);
        _threads = context.Threads;
        context.Report("similarity", 1, 1);
    }

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var n = ItemCount;
        var userArray = users.ToArray();
        scores[..(userArray.Length * n)].Clear();
        if (_search is null || _users is null) { return; }

        var search = _search;
        var weightedUsers = _users;
        ParallelRows.For(scores, userArray.Length, n, 8, _threads, (first, count, block) =>
        {
            NeighbourSearch.Scratch? scratch = null;
            float[] weighted = [];
            for (var r = 0; r < count; r++)
            {
                var user = userArray[first + r];
                ReadOnlySpan<int> neighbours;
                ReadOnlySpan<float> similarities;
                if (user < _train.Rows && _train.RowLength(user) > 0)
                {
                    neighbours = _neighbours.RowIndices(user);
                    similarities = _neighbours.RowValues(user);
                }
                else if ((uint)user < (uint)history.Rows && history.RowLength(user) > 0)
                {
                    scratch ??= new NeighbourSearch.Scratch(search.Entities, Options.K);
                    var items = history.RowIndices(user);
                    if (weighted.Length < items.Length) { weighted = new float[items.Length]; }
                    var norm = weightedUsers.Weigh(items, history.RowValues(user), weighted);
                    var found = search.Find(items, weighted.AsSpan(0, items.Length), norm, -1, scratch);
                    neighbours = scratch.Selected.AsSpan(0, found);
                    similarities = scratch.SelectedValues.AsSpan(0, found);
                }
                else
                {
                    continue;
                }

                var row = block.Slice(r * n, n);
                var mass = 0f;
                for (var q = 0; q < neighbours.Length; q++)
                {
                    var sim = similarities[q];
                    mass += MathF.Abs(sim);
                    var items = _train.RowIndices(neighbours[q]);
                    var values = _train.RowValues(neighbours[q]);
                    for (var p = 0; p < items.Length; p++) { row[items[p]] += sim * values[p]; }
                }

                if (Options.Normalize && mass > 0)
                {
                    for (var j = 0; j < n; j++) { row[j] /= mass; }
                }
            }
        });
    }

    public void Save(ArtifactWriter writer)
    {
        CsrArtifacts.Write(writer, "train", _train);
        CsrArtifacts.Write(writer, "neighbours", _neighbours);
    }

    public static UserKnnModel Load(UserKnnOptions options, ArtifactReader reader)
    {
        var model = new UserKnnModel(options)
        {
            _train = CsrArtifacts.Read(reader, "train"),
            _neighbours = CsrArtifacts.Read(reader, "neighbours"),
        };
        model.Prepare();
        return model;
    }

    // The weighted training rows are derived from the saved training matrix, so fold-in after loading weighs and
    // searches exactly as it did after fitting.
    private void Prepare()
    {
        _users = new WeightedRows(_train, Options.Weighting, Options.K1, Options.B);
        _search = new NeighbourSearch(_users, Options.Shrink, Options.K);
    }
}
