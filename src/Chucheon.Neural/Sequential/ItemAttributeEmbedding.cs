using Chucheon.Configuration;
using Chucheon.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Sequential;

/// <summary>Adds item side information to a sequence model's input: each token's attribute values (categorical and
/// multi-categorical item feature columns) are embedded and averaged into one [D] vector per token.</summary>
/// <remarks>The token → attribute table is a registered buffer, so it is saved and restored with the weights and a
/// loaded model needs no feature file. Padding and the mask token have no attributes (zero vector). Values of all
/// columns share one vocabulary, offset per column.</remarks>
public sealed class ItemAttributeEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Embedding values;

    /// <param name="tokenCount">Rows of the table (items + 2: padding, items, mask).</param>
    /// <param name="width">Most attribute values of one item.</param>
    /// <param name="vocabulary">Distinct attribute values over all columns (ids 1..vocabulary; 0 = none).</param>
    /// <param name="table">Row-major [tokenCount, width] attribute ids, or null for zeros (filled by loading).</param>
    public ItemAttributeEmbedding(int tokenCount, int width, int vocabulary, int dim, long[]? table = null) : base(nameof(ItemAttributeEmbedding))
    {
        values = nn.Embedding(vocabulary + 1, dim, padding_idx: 0);
        using (no_grad())
        {
            nn.init.normal_(values.weight!, 0, 0.02);
            values.weight![0].zero_();
        }

        register_buffer("attributes", table is null ? zeros(tokenCount, width, dtype: ScalarType.Int64) : tensor(table, [tokenCount, width]));
        RegisterComponents();
    }

    /// <summary>[B, T] tokens → [B, T, D] mean attribute embedding.</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var ids = get_buffer("attributes")!.index_select(0, tokens.flatten()).view(tokens.shape[0], tokens.shape[1], -1);
        var present = ids.ne(0L).to_type(ScalarType.Float32).sum(-1, keepdim: true).clamp_min(1.0);
        return (values.forward(ids).sum(2) / present).MoveToOuterDisposeScope();
    }

    /// <summary>The [items + 2, width] attribute table of the named item feature columns.</summary>
    public static (long[] Table, int Width, int Vocabulary) BuildTable(FeatureTable? features, IReadOnlyList<string> columns, int itemCount)
    {
        if (features is null)
        {
            throw new OptionsException("item_features", "the dataset has no item features to embed.");
        }

        var lists = new List<long>[itemCount + 2];
        for (var t = 0; t < lists.Length; t++) { lists[t] = []; }
        var offset = 0;
        foreach (var name in columns)
        {
            if (!features.TryGet(name, out var column))
            {
                throw new OptionsException("item_features", $"no item feature column '{name}'. Columns: {string.Join(", ", features.Columns.Select(c => c.Name))}.");
            }

            switch (column)
            {
                case CategoricalFeature categorical:
                    for (var i = 0; i < Math.Min(itemCount, categorical.Rows); i++)
                    {
                        if (categorical.Values[i] >= 0) { lists[i + 1].Add(offset + categorical.Values[i] + 1L); }
                    }

                    offset += categorical.Vocabulary.Count;
                    break;
                case MultiCategoricalFeature multi:
                    for (var i = 0; i < Math.Min(itemCount, multi.Rows); i++)
                    {
                        foreach (var v in multi.Of(i)) { lists[i + 1].Add(offset + v + 1L); }
                    }

                    offset += multi.Vocabulary.Count;
                    break;
                default:
                    throw new OptionsException("item_features", $"column '{name}' is not categorical or multi-categorical.");
            }
        }

        var width = Math.Max(1, lists.Max(l => l.Count));
        var table = new long[lists.Length * width];
        for (var t = 0; t < lists.Length; t++) { lists[t].CopyTo(table, t * width); }
        return (table, width, offset);
    }
}
