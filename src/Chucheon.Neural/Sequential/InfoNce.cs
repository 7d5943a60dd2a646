using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>InfoNCE (NT-Xent) over two views with in-batch negatives: view a_i must pick b_i (and b_i must pick a_i)
/// among the other 2B - 1 representations of the batch (the other view's rows and its own view's rows), by
/// similarity over a temperature.</summary>
/// <remarks>Oord et al. 2018; Chen et al. 2020 (SimCLR); used by CL4SRec (Xie et al. 2022) and CoSeRec
/// (Liu et al. 2021).</remarks>
public static class InfoNce
{
    /// <param name="a">[B, D] first views.</param>
    /// <param name="b">[B, D] second views, row i the positive of a's row i.</param>
    /// <param name="temperature">Softmax temperature τ.</param>
    /// <param name="similarity">Dot product (default) or cosine (rows L2-normalised first).</param>
    /// <returns>Mean cross-entropy over the 2B anchors.</returns>
    public static Tensor Loss(Tensor a, Tensor b, double temperature, ContrastiveSimilarity similarity = ContrastiveSimilarity.Dot)
    {
        using var scope = NewDisposeScope();
        var n = a.shape[0];
        var both = cat([a, b], 0);
        if (similarity == ContrastiveSimilarity.Cosine) { both = F.normalize(both, p: 2, dim: 1); }

        var logits = both.matmul(both.t()) / temperature;
        // An anchor is not its own negative.
        var self = eye(2 * n, dtype: ScalarType.Bool, device: a.device);
        logits = logits.masked_fill(self, double.NegativeInfinity);
        var index = arange(n, dtype: ScalarType.Int64, device: a.device);
        var targets = cat([index + n, index], 0);
        return F.cross_entropy(logits, targets).MoveToOuterDisposeScope();
    }
}
