using Chucheon.Neural.Sequential;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests;

public sealed class LossNormalizationTests
{
    private const int Items = 12;

    [Fact]
    public void ShiftedDivisorIsBatchSizeTimesMeanTargetPositionsOfTheTrainedUsers()
    {
        int[][] sequences = [[1, 2, 3], [1, 2, 3, 4, 5], [.. Enumerable.Range(0, 60)], [7]];
        // Users 0-2 are trained on: 2, 4 and min(59, 50) = 50 target positions; user 3 is left out.
        var divisor = UniformLossNormalizer.ShiftedPositionsPerBatch([0, 1, 2], sequences, batchSize: 2, maxLength: 50);
        Assert.Equal(2 * (2 + 4 + 50) / 3.0, divisor, 10);
    }

    [Fact]
    public void ClozeDivisorCountsTheForcedLastMask()
    {
        int[][] sequences = [[4], [1, 2, 3, 4]];
        // Windows of 1 and min(4, 3) = 3 positions, p = 0.25: E = pL + (1 - p)^L = 1 and 0.75 + 0.421875.
        var divisor = UniformLossNormalizer.ClozePositionsPerBatch([0, 1], sequences, batchSize: 4, maxLength: 3, maskProbability: 0.25);
        Assert.Equal(4 * (1 + 1.171875) / 2, divisor, 10);
    }

    /// <summary>When every user has the same length and the batch is full, the uniform constant is exactly the batch's
    /// position count, so both normalisations give the same loss.</summary>
    [Theory]
    [InlineData(SequenceLoss.Bce)]
    [InlineData(SequenceLoss.Ce)]
    public void UniformEqualsTheBatchMeanWhenAllUsersHaveTheSameLength(SequenceLoss loss)
    {
        int[][] sequences = [[0, 1, 2, 3], [5, 6, 7, 8], [9, 10, 11, 0]];
        int[] users = [0, 1, 2];
        var divisor = UniformLossNormalizer.ShiftedPositionsPerBatch(users, sequences, batchSize: users.Length, maxLength: 10);
        var (batch, uniform) = BothLosses(loss, sequences, users, divisor);
        Assert.Equal(9, divisor, 10);
        Assert.Equal(batch, uniform, 5);
    }

    /// <summary>In a batch of short users the uniform loss is the batch mean scaled by (positions in the batch) / the
    /// constant: such a batch no longer counts as much as a batch of long users.</summary>
    [Theory]
    [InlineData(SequenceLoss.Bce)]
    [InlineData(SequenceLoss.Ce)]
    public void UniformScalesABatchByItsShareOfTheExpectedPositions(SequenceLoss loss)
    {
        int[][] sequences = [[0, 1], [5, 6, 7], [.. Enumerable.Range(0, 9)]];
        int[] shortUsers = [0, 1];
        var divisor = UniformLossNormalizer.ShiftedPositionsPerBatch([0, 1, 2], sequences, batchSize: 2, maxLength: 10);
        var (batch, uniform) = BothLosses(loss, sequences, shortUsers, divisor);
        // 1 + 2 target positions in the batch against 2 × (1 + 2 + 8) / 3 expected.
        Assert.Equal(batch * 3 / divisor, uniform, 5);
        Assert.True(uniform < batch * 0.5);
    }

    private static (double Batch, double Uniform) BothLosses(SequenceLoss loss, int[][] sequences, int[] users, double divisor)
    {
        var options = new SasRecOptions { Loss = loss, MaxLength = 10, HiddenDim = 8 };
        random.manual_seed(7);
        using var encoder = new SelfAttentionEncoder(Items, 8, maxLength: 10, blockCount: 1, heads: 1, dropout: 0.2, causal: true);
        // Dropout off so that two passes over the same batch give the same states.
        encoder.eval();
        var known = sequences.Select(s => s.Distinct().Order().ToArray()).ToArray();
        var rows = users.Select(u => sequences[u]).ToArray();
        using var scope = NewDisposeScope();
        using var batchObjective = new NextItemObjective(encoder, options, known, CPU);
        using var uniformObjective = new NextItemObjective(encoder, options, known, CPU, divisor);
        // Same seed: the same negatives for BCE.
        var batch = batchObjective.ShiftedLoss(users, rows, new Random(3)).item<float>();
        var uniform = uniformObjective.ShiftedLoss(users, rows, new Random(3)).item<float>();
        return (batch, uniform);
    }
}
