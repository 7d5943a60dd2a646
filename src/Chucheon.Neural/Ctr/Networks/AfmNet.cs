using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>afm</c>: linear term plus pᵀ Σ aᵢⱼ (eᵢ ⊙ eⱼ) with attention weights aᵢⱼ over the pairs.</summary>
/// <remarks>Xiao et al., "Attentional Factorization Machines", IJCAI 2017.</remarks>
public sealed class AfmNet : CtrNetwork, IAttentionNetwork
{
    private readonly LinearTerm linear;
    private readonly FieldEmbedding embedding;
    private readonly AttentionalPooling pooling;
    private readonly Dropout dropout;
    private readonly Linear output;
    private readonly int _fields;

    public AfmNet(CtrLayout layout, AfmOptions options) : base("afm")
    {
        _fields = layout.FieldCount;
        linear = new LinearTerm(layout);
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        pooling = new AttentionalPooling(layout.FieldCount, options.EmbeddingDim, options.AttentionDim);
        dropout = nn.Dropout(options.Dropout);
        output = nn.Linear(options.EmbeddingDim, 1, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var first = linear.forward(indices, values);
        using var fields = embedding.forward(indices, values);
        using var pooled = pooling.forward(fields);
        using var dropped = dropout.forward(pooled);
        using var second = output.forward(dropped);
        using var flat = second.squeeze(-1);
        return first + flat;
    }

    public override LinearTerm FirstOrder => linear;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);

    public IReadOnlyList<(string Layer, Tensor Weights)> AttentionMaps(Tensor indices, Tensor values)
    {
        using var fields = embedding.forward(indices, values);
        var (_, weights) = pooling.Attend(fields);
        using var pairWeights = weights;
        var batch = indices.shape[0];
        var map = zeros(batch, _fields * _fields, device: indices.device);
        var pairs = pooling.Pairs;
        using var ij = tensor(pairs.Left.Zip(pairs.Right, (i, j) => (i * _fields) + j).ToArray(), device: indices.device);
        using var ji = tensor(pairs.Left.Zip(pairs.Right, (i, j) => (j * _fields) + i).ToArray(), device: indices.device);
        map.index_copy_(1, ij, pairWeights);
        map.index_copy_(1, ji, pairWeights);
        using (map)
        {
            return [("pair_attention", map.view(batch, 1, _fields, _fields))];
        }
    }
}
