using System.Runtime.InteropServices;
using Chucheon.Configuration;
using Chucheon.Data;

namespace Chucheon.Models.Als;

/// <summary>Turns interactions into iALS confidences:
/// <c>c_ui = 1 + alpha · f(v_ui) · s_i · (1 + γ · m_ui)</c>, where
/// <c>v_ui = Σ_events w(type) · exp(−Δt / τ)</c> (event weights and recency, each 1 when off; without either, v is the
/// event count), <c>f</c> is linear or log, <c>s_i = (n_i / n̄)^(−β)</c> is the item-popularity factor (n_i distinct
/// training users of i, n̄ their mean over items with any) and <c>m_ui</c> the user's genre share on the item's genres.</summary>
/// <remarks>Hu, Koren and Volinsky 2008 define c = 1 + α·f(r). The popularity factor follows Steck 2011 ("Item
/// popularity and recommendation accuracy"); recency and genre factors are the movie-competition variants. Only the
/// observed entries are re-weighted, so the unobserved ones keep weight 1 and the YᵀY trick still applies.
/// Fold-in sees only summed values, so event weights and recency apply at fit time only.</remarks>
public sealed class ConfidenceWeighting
{
    private const double SecondsPerDay = 86_400;

    private readonly IalsOptions _options;
    private readonly float[] _itemScale;
    private readonly MultiCategoricalFeature? _genres;

    private ConfidenceWeighting(IalsOptions options, float[] itemScale, double meanPopularity, MultiCategoricalFeature? genres)
    {
        _options = options;
        _itemScale = itemScale;
        MeanPopularity = meanPopularity;
        _genres = genres;
    }

    /// <summary>n̄: mean distinct users per item that has any, the reference point of the popularity factor.</summary>
    public double MeanPopularity { get; }

    public static float Transform(float value, ConfidenceFunction function, float epsilon) =>
        function == ConfidenceFunction.Log ? MathF.Log(1 + (value / epsilon)) : value;

    /// <summary>s_i = (n_i / n̄)^(−β); 1 when β = 0 or the item has no users.</summary>
    public static float PopularityScale(int itemUsers, double meanUsers, float exponent) =>
        exponent == 0 || itemUsers <= 0 || meanUsers <= 0 ? 1f : (float)Math.Pow(itemUsers / meanUsers, -exponent);

    /// <summary>exp(−(latest − time) / τ) with τ in days; 1 when τ is 0.</summary>
    public static double RecencyWeight(long latest, long time, float days) =>
        days <= 0 ? 1 : Math.Exp(-(latest - time) / (days * SecondsPerDay));

    /// <summary>m_ui = Σ_{g ∈ genres(i)} share_u(g): in [0, 1] because the shares sum to one and genres are distinct.</summary>
    public static float GenreMatch(ReadOnlySpan<float> userShares, ReadOnlySpan<int> itemGenres)
    {
        var m = 0f;
        foreach (var g in itemGenres) { m += userShares[g]; }
        return m;
    }

    /// <summary>The full formula for one observed entry.</summary>
    public float Confidence(float value, float itemScale, float genreMatch) =>
        1f + (_options.Alpha * Transform(value, _options.Confidence, _options.Epsilon) * itemScale
              * (1f + (_options.GenrePreferenceConfidence * genreMatch)));

    /// <summary>Checks the data the requested variants need (naming the option when it is missing) and computes the
    /// per-item popularity factors.</summary>
    public static ConfidenceWeighting Create(IalsOptions options, InteractionDataset train)
    {
        MultiCategoricalFeature? genres = null;
        if (options.GenrePreferenceConfidence > 0)
        {
            genres = train.ItemFeatures is { } f && f.TryGet(options.GenreFeature, out var column) && column is MultiCategoricalFeature m
                ? m
                : throw new OptionsException("genre_preference_confidence",
                    $"needs a multi-categorical item feature '{options.GenreFeature}', which dataset '{train.Name}' does not have.");
        }

        var itemUsers = train.ItemUsers;
        long total = 0, withUsers = 0;
        for (var i = 0; i < itemUsers.Rows; i++)
        {
            var n = itemUsers.RowLength(i);
            total += n;
            withUsers += n > 0 ? 1 : 0;
        }

        var mean = withUsers == 0 ? 0 : (double)total / withUsers;
        var scale = new float[train.ItemCount];
        for (var i = 0; i < scale.Length; i++)
        {
            scale[i] = PopularityScale(itemUsers.RowLength(i), mean, options.ItemPopularityConfidence);
        }

        return new ConfidenceWeighting(options, scale, mean, genres);
    }

    /// <summary>User × item confidences c_ui on the training pattern.</summary>
    public CsrMatrix Build(InteractionDataset train, ParallelOptions parallel)
    {
        var values = RawValues(train);
        var confidence = new float[values.NonZeros];
        Parallel.For(0, values.Rows, parallel, u =>
            UserRow(values.RowIndices(u), values.RowValues(u), confidence.AsSpan(values.RowPointers[u], values.RowLength(u))));
        return new CsrMatrix(values.Rows, values.Columns, values.RowPointers, values.ColumnIndices, confidence);
    }

    /// <summary>Confidences for one user's row of summed values (used by the fit and by fold-in).</summary>
    public void UserRow(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> confidence)
    {
        var vocabulary = _genres?.Vocabulary.Count ?? 0;
        var shares = vocabulary <= 256 ? stackalloc float[vocabulary] : new float[vocabulary];
        if (_genres is not null) { GenreShares(items, shares); }
        for (var p = 0; p < items.Length; p++)
        {
            var i = items[p];
            var genre = _genres is null || i >= _genres.Rows ? 0f : GenreMatch(shares, _genres.Of(i));
            confidence[p] = Confidence(values[p], ItemScale(i), genre);
        }
    }

    /// <summary>Popularity factor of an item (1 for items added after the fit, whose popularity is unknown here).</summary>
    public float ItemScale(int item) => (uint)item < (uint)_itemScale.Length ? _itemScale[item] : 1f;

    public void Save(ArtifactWriter writer)
    {
        writer.Write("confidence_item_scale", _itemScale);
        writer.Write("confidence_mean_popularity", new[] { MeanPopularity });
        if (_genres is not null)
        {
            writer.Write("genre_offsets", _genres.Offsets);
            writer.Write("genre_values", _genres.Values);
            writer.WriteLines("genre_vocabulary", _genres.Vocabulary.RawIds);
        }
    }

    public static ConfidenceWeighting Load(IalsOptions options, ArtifactReader reader)
    {
        var genres = reader.Has("genre_offsets", ".i32")
            ? new MultiCategoricalFeature(options.GenreFeature, new IdMap(reader.ReadLines("genre_vocabulary")),
                reader.ReadInts("genre_offsets"), reader.ReadInts("genre_values"))
            : null;
        return new ConfidenceWeighting(options, reader.ReadFloats("confidence_item_scale"), reader.ReadDoubles("confidence_mean_popularity")[0], genres);
    }

    private void GenreShares(ReadOnlySpan<int> items, Span<float> shares)
    {
        shares.Clear();
        var total = 0f;
        foreach (var i in items)
        {
            if (i >= _genres!.Rows) { continue; }
            foreach (var g in _genres.Of(i)) { shares[g] += 1; total += 1; }
        }

        if (total > 0)
        {
            foreach (ref var s in shares) { s /= total; }
        }
    }

    /// <summary>v_ui: event counts, or the sum of event-weighted, recency-decayed events when either variant is on.</summary>
    private CsrMatrix RawValues(InteractionDataset train)
    {
        var log = train.Log;
        var useEvents = _options.EventWeights.Count > 0;
        var useRecency = _options.RecencyDecayDays > 0;
        if (!useEvents && !useRecency) { return train.UserItems; }

        var eventWeight = useEvents ? EventWeightTable(train) : [];
        if (useRecency && log.Timestamps is null)
        {
            throw new OptionsException("recency_decay_days", $"needs timestamps, which dataset '{train.Name}' does not have.");
        }

        var latest = new long[train.UserCount];
        Array.Fill(latest, long.MinValue);
        for (var r = 0; useRecency && r < log.Count; r++)
        {
            latest[log.Users[r]] = Math.Max(latest[log.Users[r]], log.Timestamps![r]);
        }

        // Events weighing nothing (weight 0, or decayed below float range) are dropped rather than kept as zero-valued
        // entries, which the model would still treat as observed positives.
        var users = new List<int>(log.Count);
        var items = new List<int>(log.Count);
        var weights = new List<float>(log.Count);
        for (var r = 0; r < log.Count; r++)
        {
            var w = useEvents ? eventWeight[log.EventTypes![r]] : 1.0;
            if (useRecency) { w *= RecencyWeight(latest[log.Users[r]], log.Timestamps![r], _options.RecencyDecayDays); }
            if ((float)w > 0)
            {
                users.Add(log.Users[r]);
                items.Add(log.Items[r]);
                weights.Add((float)w);
            }
        }

        return CsrMatrix.FromCoordinates(train.UserCount, train.ItemCount, CollectionsMarshal.AsSpan(users),
            CollectionsMarshal.AsSpan(items), CollectionsMarshal.AsSpan(weights));
    }

    private float[] EventWeightTable(InteractionDataset train)
    {
        if (train.EventTypes is null || train.Log.EventTypes is null)
        {
            throw new OptionsException("event_weights", $"dataset '{train.Name}' has no event types to weigh.");
        }

        var table = new float[train.EventTypes.Count];
        Array.Fill(table, 1f);
        foreach (var (name, weight) in _options.EventWeights)
        {
            table[train.EventTypes.TryGetDense(name, out var id)
                ? id
                : throw new OptionsException($"event_weights.{name}", $"no such event type. Known: {string.Join(", ", train.EventTypes.RawIds)}.")] = weight;
        }

        return table;
    }
}
