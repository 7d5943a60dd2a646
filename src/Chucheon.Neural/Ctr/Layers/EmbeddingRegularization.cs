namespace Chucheon.Neural.Ctr.Layers;

/// <summary>What the <c>embedding_l2</c> penalty covers (see <see cref="FieldEmbedding.Penalty"/>).</summary>
public enum EmbeddingRegularization
{
    /// <summary>The embeddings the batch looked up, averaged over its examples.</summary>
    Batch,

    /// <summary>The whole embedding table, once per step.</summary>
    Table,
}
