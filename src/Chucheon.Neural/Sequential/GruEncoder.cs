using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>GRU4Rec's encoder: item embeddings through a (stacked) GRU; the hidden state at each position is that
/// prefix's representation.</summary>
/// <remarks>Hidasi, Karatzoglou, Baltrunas, Tikk, "Session-based Recommendations with Recurrent Neural Networks",
/// ICLR 2016. Here it is trained like SASRec (next item at every position, BCE or CE) with the output scored against
/// the input embedding table. Left padding embeds to zero vectors, but the GRU's biases still move its state through
/// them, so windows always have the full max_length (see <see cref="NeedsFullWindow"/>): the state reaching the first
/// real item is then the same for every user and batch.</remarks>
public sealed class GruEncoder : SequenceEncoder
{
    private readonly Embedding items;
    private readonly ItemAttributeEmbedding? attributes;
    private readonly GRU recurrent;
    private readonly double _dropout;

    public GruEncoder(int itemCount, int dim, int layers, double dropout, ItemAttributeEmbedding? attributes = null) : base(nameof(GruEncoder), itemCount, dim)
    {
        _dropout = dropout;
        items = NewItemTable(TokenCount, dim);
        this.attributes = attributes;
        recurrent = nn.GRU(dim, dim, numLayers: layers, batchFirst: true, dropout: layers > 1 ? dropout : 0.0);
        RegisterComponents();
    }

    public override Embedding ItemEmbedding => items;

    /// <summary>The recurrent state runs through the left padding, so the padding length must not vary.</summary>
    public override bool NeedsFullWindow => true;

    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var embedded = attributes is null ? items.forward(tokens) : items.forward(tokens) + attributes.forward(tokens);
        var x = F.dropout(embedded, _dropout, training);
        var (output, _) = recurrent.forward(x);
        return F.dropout(output, _dropout, training).MoveToOuterDisposeScope();
    }
}
