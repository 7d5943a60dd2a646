using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Neural.Training;
using TorchSharp;
using static TorchSharp.torch;

/// <summary>Reference baselines computed with libtorch, only so the harness compares neural models under the very
/// same protocol (the real EASE and item-kNN live in Chucheon.Models on another branch).</summary>
internal static class Baselines
{
    /// <summary>EASE (Steck 2019): B = I - P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹, diagonal zero.</summary>
    public static IItemScorer Ease(InteractionDataset data, double reg)
    {
        using var scope = NewDisposeScope();
        var x = TensorData.DenseRows(data.UserItems, Enumerable.Range(0, data.UserCount).ToArray(), CPU);
        var gram = x.t().matmul(x).to_type(ScalarType.Float64);
        gram.diagonal().add_(reg);
        var p = linalg.inv(gram);
        var b = -p / p.diagonal().unsqueeze(0);
        b.diagonal().zero_();
        return new DenseItemScorer(b.to_type(ScalarType.Float32).MoveToOuterDisposeScope());
    }

    /// <summary>Item-based kNN with cosine similarity, k neighbours kept per item.</summary>
    public static IItemScorer ItemKnn(InteractionDataset data, int k)
    {
        using var scope = NewDisposeScope();
        var x = TensorData.DenseRows(data.UserItems, Enumerable.Range(0, data.UserCount).ToArray(), CPU);
        var norms = x.sum(dim: 0).sqrt().clamp_min(1e-9);
        var sim = x.t().matmul(x) / norms.unsqueeze(0) / norms.unsqueeze(1);
        sim.diagonal().zero_();
        var (values, indices) = sim.topk(Math.Min(k, (int)sim.shape[0]), dim: 0);
        var sparse = zeros_like(sim).scatter_(0, indices, values);
        return new DenseItemScorer(sparse.MoveToOuterDisposeScope());
    }

    private sealed class DenseItemScorer(Tensor itemItem) : IItemScorer
    {
        public int ItemCount => (int)itemItem.shape[0];

        public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
        {
            using var scope = NewDisposeScope();
            var x = TensorData.DenseRows(history, users, CPU);
            TensorData.CopyTo(x.matmul(itemItem), scores);
        }
    }
}
