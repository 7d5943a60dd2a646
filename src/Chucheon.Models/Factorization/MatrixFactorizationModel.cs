using System.Numerics.Tensors;
using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Models.Internal;

namespace Chucheon.Models.Factorization;

/// <summary>Shared base of the latent-factor models: user and item factor matrices (row-major, contiguous), an optional
/// item bias, batched scoring, cosine item similarity, save/load and fold-in. An algorithm writes only
/// <see cref="Fit"/>, <see cref="RecalculateUser"/> and <see cref="RecalculateItem"/>.</summary>
/// <remarks>
/// Modelled on the base class of <c>implicit</c> (Frederickson): scoring is written once, and a user the model has no
/// factors for (an id beyond the fitted range, or a user without training interactions) is folded in from their
/// history row at scoring time, as implicit's <c>recalculate_user</c>. Scores are x_u·y_i (+ b_i).
/// </remarks>
public abstract class MatrixFactorizationModel : IRecommender, ISimilarItems
{
    private readonly Lock _cacheLock = new();
    private float[] _users = [];
    private float[] _items = [];
    private float[]? _itemBias;
    private bool[] _userFitted = [];
    private PackedItemPanels? _panels;
    private float[]? _itemNorms;

    protected MatrixFactorizationModel(int factors) => Factors = factors;

    public abstract string Alias { get; }

    public abstract IModelOptions Options { get; }

    public int Factors { get; }

    public int UserCount { get; private set; }

    public int ItemCount { get; private set; }

    public bool HasItemBias => _itemBias is not null;

    /// <summary>Row-major UserCount × Factors (read-only view; copy to keep).</summary>
    public ReadOnlySpan<float> UserFactors => _users;

    /// <summary>Row-major ItemCount × Factors.</summary>
    public ReadOnlySpan<float> ItemFactors => _items;

    /// <summary>Per-item bias, empty when the model has none.</summary>
    public ReadOnlySpan<float> ItemBias => _itemBias;

    /// <summary>Whether the user has fitted factors (false for users without training interactions: they are folded in).</summary>
    public bool IsUserFitted(int user) => (uint)user < (uint)UserCount && _userFitted[user];

    public abstract void Fit(InteractionDataset train, FitContext context);

    /// <summary>Factors for a user from their interactions alone, with item factors held fixed (implicit's
    /// <c>recalculate_user</c>). Items outside the fitted catalog are ignored.</summary>
    public abstract float[] RecalculateUser(ReadOnlySpan<int> items, ReadOnlySpan<float> values);

    /// <summary>Factors (and bias, 0 for models without one) for an item from its interactions, user factors fixed.</summary>
    public abstract (float[] Factors, float Bias) RecalculateItem(ReadOnlySpan<int> users, ReadOnlySpan<float> values);

    /// <summary>Adds or replaces users' rows from their interactions without retraining: row r of
    /// <paramref name="userItems"/> belongs to <paramref name="users"/>[r]. Ids beyond the fitted range grow the model.</summary>
    public void PartialFitUsers(ReadOnlySpan<int> users, CsrMatrix userItems)
    {
        CheckRows(users, userItems, nameof(userItems));
        var ids = users.ToArray();
        var rows = new float[ids.Length][];
        Parallel.For(0, ids.Length, r => rows[r] = RecalculateUser(userItems.RowIndices(r), userItems.RowValues(r)));
        var needed = Math.Max(UserCount, ids.Length == 0 ? 0 : ids.Max() + 1);
        Array.Resize(ref _users, needed * Factors);
        Array.Resize(ref _userFitted, needed);
        UserCount = needed;
        for (var r = 0; r < ids.Length; r++)
        {
            rows[r].CopyTo(_users.AsSpan(ids[r] * Factors, Factors));
            _userFitted[ids[r]] = true;
        }

        InvalidateCaches();
    }

    /// <summary>Adds or replaces items' rows from their interactions (row r of <paramref name="itemUsers"/> belongs to
    /// <paramref name="items"/>[r]); user factors stay fixed.</summary>
    public void PartialFitItems(ReadOnlySpan<int> items, CsrMatrix itemUsers)
    {
        CheckRows(items, itemUsers, nameof(itemUsers));
        var ids = items.ToArray();
        var rows = new (float[] Factors, float Bias)[ids.Length];
        Parallel.For(0, ids.Length, r => rows[r] = RecalculateItem(itemUsers.RowIndices(r), itemUsers.RowValues(r)));
        var needed = Math.Max(ItemCount, ids.Length == 0 ? 0 : ids.Max() + 1);
        Array.Resize(ref _items, needed * Factors);
        if (_itemBias is not null) { Array.Resize(ref _itemBias, needed); }
        ItemCount = needed;
        for (var r = 0; r < ids.Length; r++)
        {
            rows[r].Factors.CopyTo(_items.AsSpan(ids[r] * Factors, Factors));
            if (_itemBias is not null) { _itemBias[ids[r]] = rows[r].Bias; }
        }

        InvalidateCaches();
    }

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var items = ItemCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, users.Length * items, nameof(scores));
        if (users.IsEmpty || items == 0) { return; }

        var panels = Panels();
        var ids = users.ToArray();

        // Chunks of users (a multiple of the kernel's 4-user group) so each item block is reused across a chunk.
        var chunk = Math.Max(4, ((ids.Length / (2 * Environment.ProcessorCount)) + 3) / 4 * 4);
        var blocks = (ids.Length + chunk - 1) / chunk;
        ParallelRows.For(scores, blocks, new ParallelOptions(), (destination, b) =>
        {
            var start = b * chunk;
            var count = Math.Min(chunk, ids.Length - start);
            var vectors = new float[count * Factors];
            for (var j = 0; j < count; j++) { UserVector(ids[start + j], history, vectors.AsSpan(j * Factors, Factors)); }
            panels.Score(vectors, count, destination.Slice(start * items, count * items));
        });
    }

    /// <summary>Items ranked by cosine similarity of their factor vectors (the item itself and zero vectors excluded).</summary>
    public IReadOnlyList<ScoredItem> SimilarItems(int item, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)ItemCount, nameof(item));
        var norms = ItemNorms();
        if (k <= 0 || norms[item] == 0) { return []; }

        var target = _items.AsSpan(item * Factors, Factors);
        var similarity = new float[ItemCount];
        for (var j = 0; j < ItemCount; j++)
        {
            similarity[j] = j == item || norms[j] == 0
                ? float.NegativeInfinity
                : TensorPrimitives.Dot(target, _items.AsSpan(j * Factors, Factors)) / (norms[item] * norms[j]);
        }

        var (indices, values) = TopK.Select(similarity, k);
        return [.. indices.Select((j, r) => new ScoredItem(j, values[r]))];
    }

    public virtual void Save(ArtifactWriter writer)
    {
        writer.Write("shape", new[] { UserCount, ItemCount, Factors });
        writer.Write("user_factors", _users);
        writer.Write("item_factors", _items);
        writer.Write("user_fitted", _userFitted.Select(f => f ? 1 : 0).ToArray());
        if (_itemBias is not null) { writer.Write("item_bias", _itemBias); }
    }

    /// <summary>Restores what <see cref="Save"/> wrote; sizes are checked against the stored shape.</summary>
    protected void LoadFactors(ArtifactReader reader)
    {
        var shape = reader.ReadInts("shape");
        if (shape.Length != 3 || shape[2] != Factors)
        {
            throw new InvalidDataException($"{reader.DirectoryPath}: stored factor shape [{string.Join(", ", shape)}] does not match {Factors} factors.");
        }

        var users = reader.ReadFloats("user_factors");
        var items = reader.ReadFloats("item_factors");
        var fitted = reader.ReadInts("user_fitted");
        var bias = reader.Has("item_bias", ".f32") ? reader.ReadFloats("item_bias") : null;
        if (users.Length != shape[0] * Factors || items.Length != shape[1] * Factors || fitted.Length != shape[0]
            || (bias is not null && bias.Length != shape[1]))
        {
            throw new InvalidDataException($"{reader.DirectoryPath}: factor arrays do not match the stored shape.");
        }

        SetFactors(shape[0], shape[1], users, items, bias, [.. fitted.Select(f => f != 0)]);
    }

    /// <summary>Installs factor arrays (used by fits, best-epoch restore and loading).</summary>
    protected void SetFactors(int users, int items, float[] userFactors, float[] itemFactors, float[]? itemBias, bool[] userFitted)
    {
        UserCount = users;
        ItemCount = items;
        _users = userFactors;
        _items = itemFactors;
        _itemBias = itemBias;
        _userFitted = userFitted;
        InvalidateCaches();
    }

    /// <summary>Mutable factor storage for a fit in progress; call <see cref="InvalidateCaches"/> after writing to it.</summary>
    protected float[] UserMatrix => _users;

    protected float[] ItemMatrix => _items;

    protected float[]? ItemBiasVector => _itemBias;

    /// <summary>Drops caches derived from the factors (packed scoring panels, norms; a model's own Gram matrices when it
    /// overrides this); the next use rebuilds them. Called whenever factors change.</summary>
    protected virtual void InvalidateCaches()
    {
        lock (_cacheLock)
        {
            _panels = null;
            _itemNorms = null;
        }
    }

    /// <summary>Fitted factors, or a fold-in from the history row, or zeros for a user with nothing known.</summary>
    private void UserVector(int user, CsrMatrix history, Span<float> destination)
    {
        if (IsUserFitted(user))
        {
            _users.AsSpan(user * Factors, Factors).CopyTo(destination);
        }
        else if ((uint)user < (uint)history.Rows && history.RowLength(user) > 0)
        {
            RecalculateUser(history.RowIndices(user), history.RowValues(user)).CopyTo(destination);
        }
        else
        {
            destination.Clear();
        }
    }

    private PackedItemPanels Panels()
    {
        lock (_cacheLock)
        {
            return _panels ??= new PackedItemPanels(_items, ItemCount, Factors, _itemBias);
        }
    }

    private float[] ItemNorms()
    {
        lock (_cacheLock)
        {
            return _itemNorms ??= FactorKernels.RowNorms(_items, ItemCount, Factors);
        }
    }

    private static void CheckRows(ReadOnlySpan<int> ids, CsrMatrix rows, string name)
    {
        if (rows.Rows != ids.Length)
        {
            throw new ArgumentException($"{name} has {rows.Rows} rows but {ids.Length} ids were given (row r belongs to ids[r]).", name);
        }

        foreach (var id in ids) { ArgumentOutOfRangeException.ThrowIfNegative(id, nameof(ids)); }
    }
}
