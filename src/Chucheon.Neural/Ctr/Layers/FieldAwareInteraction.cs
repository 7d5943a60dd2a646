using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>FFM's second-order term Σ_{i&lt;j} ⟨v_{i,f(j)}, v_{j,f(i)}⟩: each field keeps a separate latent vector per
/// partner field. Input: field-aware embeddings [B, F, F·D] (row i, block j = field i's vector towards field j).</summary>
/// <remarks>Juan, Zhuang, Chin, Lin, "Field-aware Factorization Machines for CTR Prediction", RecSys 2016.</remarks>
public sealed class FieldAwareInteraction
{
    private readonly long[] _ij;
    private readonly long[] _ji;
    private readonly int _fields;

    public FieldAwareInteraction(int fields)
    {
        _fields = fields;
        var pairs = new FieldPairs(fields);
        _ij = pairs.Left.Zip(pairs.Right, (i, j) => (i * fields) + j).ToArray();
        _ji = pairs.Left.Zip(pairs.Right, (i, j) => (j * fields) + i).ToArray();
    }

    public Tensor Scalar(Tensor fieldAware)
    {
        var batch = fieldAware.shape[0];
        using var blocks = fieldAware.reshape(batch, (long)_fields * _fields, -1);
        using var ij = tensor(_ij, device: fieldAware.device);
        using var ji = tensor(_ji, device: fieldAware.device);
        using var left = blocks.index_select(1, ij);
        using var right = blocks.index_select(1, ji);
        using var products = left * right;
        return products.sum([1, 2]);
    }
}
