using Chucheon.Data;

namespace Chucheon.Models.Baselines;

/// <summary>The rule-based baseline of the movie-recommendation competition: find each user's top genres in their
/// history, then recommend the most popular unseen items of those genres.</summary>
/// <remarks>
/// score(u, i) = pop(i) × (ε + Σ_{g ∈ top(u) ∩ genres(i)} share_u(g)), where share_u(g) is the fraction of the user's
/// genre mentions that are g and ε = 1e-3, so items outside the user's top genres still follow, by popularity, after
/// the matching ones (a user without history gets plain popularity).
/// </remarks>
public sealed class GenrePopularityRecommender(GenrePopularityOptions options) : IRecommender
{
    public const string AliasName = "genre-pop";
    private const float OffGenreWeight = 1e-3f;

    private float[] _popularity = [];
    private int[] _genreOffsets = [0];
    private int[] _genres = [];
    private int _genreCount;

    public string Alias => AliasName;

    public IModelOptions Options => options;

    public int ItemCount => _popularity.Length;

    public void Fit(InteractionDataset train, FitContext context)
    {
        if (train.ItemFeatures is null || !train.ItemFeatures.TryGet(options.GenreFeature, out var column) || column is not MultiCategoricalFeature genres)
        {
            throw new InvalidOperationException(
                $"genre-pop needs a multi-valued item feature '{options.GenreFeature}' (genres); dataset '{train.Name}' has none.");
        }

        var itemUsers = train.ItemUsers;
        _popularity = new float[train.ItemCount];
        for (var i = 0; i < _popularity.Length; i++) { _popularity[i] = itemUsers.RowLength(i); }
        _genreOffsets = genres.Offsets[..(train.ItemCount + 1)];
        _genres = genres.Values[.._genreOffsets[^1]];
        _genreCount = genres.Vocabulary.Count;
        context.Report("count", 1, 1);
    }

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var counts = new float[_genreCount];
        var weights = new float[_genreCount];
        for (var row = 0; row < users.Length; row++)
        {
            Array.Clear(counts);
            Array.Clear(weights);
            var user = users[row];
            var total = 0f;
            if (user < history.Rows)
            {
                foreach (var item in history.RowIndices(user))
                {
                    if (item >= ItemCount) { continue; }
                    foreach (var g in GenresOf(item)) { counts[g]++; total++; }
                }
            }

            if (total > 0)
            {
                // Top genres by count; ties go to the lower genre id so the rule is deterministic.
                for (var pick = 0; pick < options.TopGenres; pick++)
                {
                    var best = -1;
                    for (var g = 0; g < counts.Length; g++)
                    {
                        if (counts[g] > 0 && (best < 0 || counts[g] > counts[best])) { best = g; }
                    }

                    if (best < 0) { break; }
                    weights[best] = counts[best] / total;
                    counts[best] = 0;
                }
            }

            var rowScores = scores.Slice(row * ItemCount, ItemCount);
            for (var i = 0; i < ItemCount; i++)
            {
                var match = OffGenreWeight;
                foreach (var g in GenresOf(i)) { match += weights[g]; }
                rowScores[i] = _popularity[i] * match;
            }
        }
    }

    private ReadOnlySpan<int> GenresOf(int item) => _genres.AsSpan(_genreOffsets[item], _genreOffsets[item + 1] - _genreOffsets[item]);

    public void Save(ArtifactWriter writer)
    {
        writer.Write("popularity", _popularity);
        writer.Write("genre_offsets", _genreOffsets);
        writer.Write("genres", _genres);
        writer.Write("genre_count", [_genreCount]);
    }

    public static GenrePopularityRecommender Load(GenrePopularityOptions options, ArtifactReader reader) => new(options)
    {
        _popularity = reader.ReadFloats("popularity"),
        _genreOffsets = reader.ReadInts("genre_offsets"),
        _genres = reader.ReadInts("genres"),
        _genreCount = reader.ReadInts("genre_count")[0],
    };
}
