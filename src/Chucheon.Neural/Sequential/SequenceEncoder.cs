using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Sequential;

/// <summary>Maps a batch of left-padded token sequences [B, T] to one hidden state per position [B, T, D]. Tokens:
/// 0 is padding, item i (dense id) is i + 1, and <see cref="MaskToken"/> (items + 1) stands for a masked item
/// (BERT4Rec's cloze task and the mask augmentation). Scores come from the same item embedding table the input uses
/// (shared input/output embedding), so a model is one table plus its encoder.</summary>
public abstract class SequenceEncoder : nn.Module<Tensor, Tensor>
{
    protected SequenceEncoder(string name, int items, int dim) : base(name)
    {
        ItemCount = items;
        Dim = dim;
    }

    public int ItemCount { get; }

    public int Dim { get; }

    public long MaskToken => ItemCount + 1;

    /// <summary>True when the outputs depend on how many padding positions precede a sequence (a recurrent state runs
    /// through them); such encoders are always fed full max_length windows, so a user's scores do not depend on the
    /// other sequences in the batch.</summary>
    public virtual bool NeedsFullWindow => false;

    /// <summary>Batch width for these rows: the longest one capped at <paramref name="maxLength"/>, or
    /// <paramref name="maxLength"/> when <see cref="NeedsFullWindow"/>.</summary>
    public int WidthFor(IReadOnlyList<int[]> rows, int maxLength) =>
        NeedsFullWindow ? maxLength : TokenWindows.Width(rows, maxLength);

    /// <summary>Token count of the embedding table: padding, items, mask.</summary>
    protected int TokenCount => ItemCount + 2;

    /// <summary>The shared item embedding table [items + 2, D].</summary>
    public abstract Embedding ItemEmbedding { get; }

    /// <summary>The rows of the embedding table that are real items [items, D] (padding and mask left out): row j is
    /// dense item j. A view that shares the table's storage and gradient.</summary>
    public Tensor ItemTable() => ItemEmbedding.weight!.narrow(0, 1, ItemCount);

    /// <summary>Scores of hidden states [M, D] against every item: [M, items], column j is dense item j.</summary>
    public Tensor ScoreAll(Tensor hidden)
    {
        using var table = ItemTable();
        return hidden.matmul(table.t());
    }

    /// <summary>Scores of hidden states [..., D] against the given tokens [..., K]: [..., K].</summary>
    public Tensor ScoreTokens(Tensor hidden, Tensor tokens)
    {
        using var embedded = ItemEmbedding.forward(tokens);
        using var expanded = hidden.unsqueeze(-2);
        using var product = embedded * expanded;
        return product.sum(-1);
    }

    /// <summary>Embeds the tokens with a normal(0, 0.02)-initialised, padding-aware table (used by subclasses).</summary>
    protected static Embedding NewItemTable(int tokens, int dim)
    {
        var table = nn.Embedding(tokens, dim, padding_idx: 0);
        using (no_grad())
        {
            nn.init.normal_(table.weight!, 0, 0.02);
            table.weight![0].zero_();
        }

        return table;
    }
}
