using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>The squared-L2 penalty of a lookup table before λ, shared by the embeddings and the first-order weights so
/// that <c>embedding_l2</c> and <c>linear_l2</c> mean the same thing in both <see cref="EmbeddingRegularization"/> modes.</summary>
internal static class TablePenalty
{
    /// <summary><see cref="EmbeddingRegularization.Batch"/>: the squared rows each example looked up, averaged over the
    /// batch (rows shrink in proportion to how often they occur); <see cref="EmbeddingRegularization.Table"/>: the
    /// whole table every step (rare ids shrink as hard as frequent ones, which curbs memorising them).</summary>
    public static Tensor Of(Embedding table, Tensor indices, EmbeddingRegularization mode)
    {
        if (mode == EmbeddingRegularization.Table)
        {
            using var all = table.weight!.square();
            return all.sum();
        }

        using var used = table.forward(indices);
        using var squares = used.square();
        using var total = squares.sum();
        return total / indices.shape[0];
    }
}
