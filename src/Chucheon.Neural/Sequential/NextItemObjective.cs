using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>The supervised losses of the sequential models: shifted next-item targets at every position (SASRec,
/// GRU4Rec, NextItNet) or masked-item prediction (BERT4Rec), each scored with BCE against sampled negatives or with
/// a full softmax.</summary>
/// <remarks>The per-position losses of a batch are summed and divided by the batch's own position count, or, with
/// <paramref name="uniformDivisor"/> (<see cref="LossNormalization.Uniform"/>), by that constant, so that every
/// position weighs the same whatever batch it lands in.</remarks>
internal sealed class NextItemObjective(SequenceEncoder encoder, SequentialOptions options, int[][] knownItems, Device device, double? uniformDivisor = null) : IDisposable
{
    private const int MaxRejections = 64;

    private readonly FullSoftmaxCrossEntropy _softmax = new();

    public void Dispose() => _softmax.Dispose();

    /// <summary>Input s[..^1], target s[1..] at every position, right-aligned in a window of max_length.</summary>
    public Tensor ShiftedLoss(int[] users, int[][] rows, Random random) => ShiftedLoss(users, rows, random, out _);

    /// <summary>As <see cref="ShiftedLoss(int[], int[][], Random)"/>, also returning this pass's
    /// <see cref="SequenceRepresentation"/> (the un-augmented view for contrastive learning with <c>original_view</c>).</summary>
    public Tensor ShiftedLoss(int[] users, int[][] rows, Random random, out Tensor newest)
    {
        var inputs = rows.Select(s => s[..^1]).ToArray();
        var targets = rows.Select(s => s[1..]).ToArray();
        var width = encoder.WidthFor(inputs, options.MaxLength);
        var inputTokens = TokenWindows.RightAligned(inputs, width, encoder.ItemCount);
        var targetTokens = TokenWindows.RightAligned(targets, width, encoder.ItemCount);
        return PositionLoss(users, inputTokens, targetTokens, width, random, out newest);
    }

    /// <summary>BERT4Rec's cloze task: each position of the (last max_length items of the) history is replaced by the
    /// mask token with probability mask_probability, and the masked items are predicted. A sequence where no position
    /// was drawn gets its last item masked, so every user contributes.</summary>
    public Tensor ClozeLoss(int[] users, int[][] rows, Random random)
    {
        var probability = ((Bert4RecOptions)options).MaskProbability;
        var width = encoder.WidthFor(rows, options.MaxLength);
        var inputTokens = TokenWindows.RightAligned(rows, width, encoder.ItemCount);
        var targetTokens = new long[inputTokens.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var masked = false;
            var start = (r * width) + width - Math.Min(width, rows[r].Length);
            var end = (r + 1) * width;
            for (var p = start; p < end; p++)
            {
                if (random.NextDouble() < probability) { Mask(p); }
            }

            if (!masked) { Mask(end - 1); }

            void Mask(int position)
            {
                targetTokens[position] = inputTokens[position];
                inputTokens[position] = encoder.MaskToken;
                masked = true;
            }
        }

        return PositionLoss(users, inputTokens, targetTokens, width, random, out _);
    }

    /// <summary>Encodes the [B, width] inputs and applies the loss at every position with a target (token &gt; 0).</summary>
    private Tensor PositionLoss(int[] users, long[] inputTokens, long[] targetTokens, int width, Random random, out Tensor newest)
    {
        var positions = new List<long>();
        for (var p = 0; p < targetTokens.Length; p++)
        {
            if (targetTokens[p] > 0) { positions.Add(p); }
        }

        var m = positions.Count;
        var targets = positions.Select(p => targetTokens[p]).ToArray();
        using var tokens = tensor(inputTokens, [users.Length, width], device: device);
        using var hidden = encoder.forward(tokens);
        newest = SequenceRepresentation.Of(hidden, tokens, options.ContrastiveRepresentation, options.MaxLength);
        using var flat = hidden.reshape(-1, encoder.Dim);
        using var index = tensor(positions.ToArray(), device: device);
        using var selected = flat.index_select(0, index);
        using var targetTensor = tensor(targets, device: device);
        if (options.Loss == SequenceLoss.Ce)
        {
            using var table = encoder.ItemTable();
            using var classes = targetTensor - 1;
            var mean = _softmax.Loss(selected, table, classes);
            if (uniformDivisor is not { } divisor) { return mean; }
            using (mean) { return mean * (m / divisor); }
        }

        var k = options.NegativeSamples;
        var negatives = new long[m * k];
        for (var i = 0; i < m; i++)
        {
            var known = knownItems[users[(int)(positions[i] / width)]];
            for (var j = 0; j < k; j++) { negatives[(i * k) + j] = SampleNegative(known, random) + 1L; }
        }

        using var negativeTensor = tensor(negatives, [m, k], device: device);
        using var positiveLogits = encoder.ScoreTokens(selected, targetTensor.unsqueeze(1));
        using var negativeLogits = encoder.ScoreTokens(selected, negativeTensor);
        // SASRec's loss: -log σ(s⁺) - Σ log(1 - σ(s⁻)) per position, summed and divided by the positions (or the
        // uniform constant).
        using var positiveLoss = F.softplus(-positiveLogits).sum();
        using var negativeLoss = F.softplus(negativeLogits).sum();
        using var total = positiveLoss + negativeLoss;
        return total / (uniformDivisor ?? m);
    }

    /// <summary>A uniform item the user never had (sorted <paramref name="known"/>); after a bounded number of
    /// rejections the last draw is kept, which only matters for users who had most of the catalog.</summary>
    private int SampleNegative(int[] known, Random random)
    {
        var item = random.Next(encoder.ItemCount);
        for (var attempt = 0; attempt < MaxRejections && Array.BinarySearch(known, item) >= 0; attempt++)
        {
            item = random.Next(encoder.ItemCount);
        }

        return item;
    }
}
