using static TorchSharp.torch;

namespace Chucheon.Neural.Sequential;

/// <summary>Mean softmax cross-entropy of hidden states [M, D] against every row of an item table [N, D] (target
/// j means row j), computed chunk by chunk in one reusable [chunk, N] buffer with the gradient written by hand.</summary>
/// <remarks>
/// Why: autograd's cross-entropy over the full [M, N] logit matrix allocates several fresh M×N tensors per batch
/// (logits, log-softmax, their gradients): on Beauty up to 12,800 × 12,101 floats, 620 MB each. The allocator hands
/// blocks that large straight to the kernel, so every batch page-faults and zeroes them again, and on the shared 2-core
/// VM that costs several times the arithmetic (measured: a 1,500 × 12,101 product took 45 ms of CPU written into a
/// reused buffer and 390 ms, 10× the wall time, into a fresh one). Here the only M×N-sized memory is the persistent
/// chunk buffer.
/// The gradient of the mean loss L = (1/M) Σ_i [log Σ_j exp(h_i·e_j) − h_i·e_{y_i}] is
/// dL/dh_i = (Σ_j p_ij e_j − e_{y_i}) / M and dL/de_j = Σ_i (p_ij − [j = y_i]) h_i / M, with p the row softmax; it is
/// handed to autograd through a surrogate whose value is L and whose gradient is exactly that.
/// </remarks>
internal sealed class FullSoftmaxCrossEntropy(int chunkRows = 1024) : IDisposable
{
    private Tensor? _buffer;

    public Tensor Loss(Tensor hidden, Tensor table, Tensor targets)
    {
        var m = hidden.shape[0];
        if (m == 0) { throw new ArgumentException("no positions to score.", nameof(hidden)); }
        Tensor gradHidden;
        Tensor gradTable;
        Tensor lossSum;
        using (no_grad())
        {
            using var h = hidden.detach();
            using var e = table.detach();
            gradHidden = zeros_like(h);
            gradTable = zeros_like(e);
            lossSum = zeros(1, dtype: h.dtype, device: h.device);
            var buffer = Buffer(e.shape[0], h);
            for (long start = 0; start < m; start += chunkRows)
            {
                using var scope = NewDisposeScope();
                var rows = Math.Min(chunkRows, m - start);
                var hc = h.narrow(0, start, rows);
                var yc = targets.narrow(0, start, rows);
                var scores = buffer.narrow(0, 0, rows);
                scores.addmm_(hc, e.t(), beta: 0, alpha: 1);
                var positive = scores.gather(1, yc.unsqueeze(1));
                var (max, _) = scores.max(1, keepdim: true);
                scores.sub_(max).exp_();
                var total = scores.sum(1, keepdim: true);
                lossSum.add_((total.log() + max - positive).sum());
                var probabilities = scores.div_(total);
                gradHidden.narrow(0, start, rows).addmm_(probabilities, e, beta: 0, alpha: 1).sub_(e.index_select(0, yc));
                gradTable.addmm_(probabilities.t(), hc, beta: 1, alpha: 1);
                gradTable.index_add_(0, yc, hc, -1);
            }

            gradHidden.div_(m);
            gradTable.div_(m);
            lossSum.div_(m);
        }

        using (gradHidden)
        using (gradTable)
        using (lossSum)
        {
            using var linear = (hidden * gradHidden).sum() + (table * gradTable).sum();
            using var constant = lossSum.squeeze() - linear.detach();
            return linear + constant;
        }
    }

    /// <summary>The [chunk, N] scratch matrix, kept across calls (and out of every dispose scope) so it is allocated
    /// once per fit rather than once per batch.</summary>
    private Tensor Buffer(long columns, Tensor like)
    {
        if (_buffer is { } b && b.shape[1] == columns && b.dtype == like.dtype && b.device_type == like.device_type && b.device_index == like.device_index) { return b; }
        _buffer?.Dispose();
        _buffer = empty(chunkRows, columns, dtype: like.dtype, device: like.device).DetachFromDisposeScope();
        return _buffer;
    }

    public void Dispose()
    {
        _buffer?.Dispose();
        _buffer = null;
    }
}
