using Chucheon.Data.Ctr;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>One embedding per global feature index, scaled by the feature value and pooled into one vector per field:
/// [B, S] indices and values → [B, F, D]. A field with several slots (multi-valued genres) gets the value-weighted
/// sum of its slots, i.e. the mean of its tokens, since the encoder gives each of k tokens the value 1/k.</summary>
public sealed class FieldEmbedding : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding table;
    private readonly float[]? _pooling;
    private readonly int _fields;
    private readonly int _slots;

    /// <param name="initStd">Standard deviation of the normal initialisation of every embedding.</param>
    public FieldEmbedding(CtrLayout layout, int dim, double initStd = 0.01, string name = "field_embedding") : base(name)
    {
        Dim = dim;
        _fields = layout.FieldCount;
        _slots = layout.SlotCount;
        table = nn.Embedding(layout.FeatureCount, dim);
        if (!layout.OneSlotPerField)
        {
            // [F, S] 0/1 matrix: multiplying it onto the slot embeddings sums each field's slots.
            _pooling = new float[_fields * _slots];
            var slotFields = layout.SlotFields;
            for (var s = 0; s < _slots; s++) { _pooling[(slotFields[s] * _slots) + s] = 1f; }
        }

        using (no_grad()) { nn.init.normal_(table.weight!, 0, initStd); }
        RegisterComponents();
    }

    public int Dim { get; }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var slots = table.forward(indices);
        using var weights = values.unsqueeze(-1);
        var weighted = slots * weights;
        if (_pooling is null) { return weighted; }
        using (weighted)
        {
            using var pooling = tensor(_pooling, [_fields, _slots], device: indices.device);
            return matmul(pooling, weighted);
        }
    }

    /// <summary>The embedding regulariser before λ: <see cref="EmbeddingRegularization.Batch"/> is the mean over the
    /// batch of the squared L2 norm of the embeddings each example used (rows are shrunk in proportion to how often
    /// they occur); <see cref="EmbeddingRegularization.Table"/> is the squared norm of the whole table, every step
    /// (rare features are shrunk as hard as frequent ones, which curbs memorising rare ids).</summary>
    public Tensor Penalty(Tensor indices, EmbeddingRegularization mode = EmbeddingRegularization.Batch) =>
        TablePenalty.Of(table, indices, mode);
}
