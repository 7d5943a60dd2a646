using Chucheon.Data;
using Chucheon.Models.Factorization;

namespace Chucheon.Models.Bpr;

/// <summary>One epoch's partition of the training pairs into B × B strata for parallel SGD without shared rows.</summary>
/// <remarks>
/// Users and items are dealt into B random blocks of equal size, redrawn every epoch. Stratum (t, b) holds the pairs
/// whose user is in user block t and whose item is in item block b; its negatives are drawn from item block b. In
/// sub-epoch s the strata (t, (t + s) mod B) touch disjoint users and items, so they run in parallel with no locks and
/// no races — the stratified SGD schedule of Gemulla et al., "Large-scale matrix factorization with distributed
/// stochastic gradient descent", KDD 2011. Because the item blocks are a fresh uniform random partition each epoch, a
/// negative drawn uniformly from the positive's block is, over the partition, uniform over all items; popularity
/// sampling is proportional to popularity^β within the block, which approximates the global distribution.
/// </remarks>
public sealed class StratifiedEpoch
{
    private readonly int[] _offsets;
    private readonly int[] _pairs;
    private readonly int[][] _blockItems;
    private readonly AliasTable?[] _samplers;

    private StratifiedEpoch(int blocks, int[] offsets, int[] pairs, int[][] blockItems, AliasTable?[] samplers)
    {
        Blocks = blocks;
        _offsets = offsets;
        _pairs = pairs;
        _blockItems = blockItems;
        _samplers = samplers;
    }

    public int Blocks { get; }

    /// <summary>Builds the plan. <paramref name="pairs"/> (one slot per stored entry) is reused across epochs;
    /// <paramref name="itemWeights"/> switches to popularity sampling when given.</summary>
    public static StratifiedEpoch Build(CsrMatrix userItems, int[] rowOf, int blocks, ref SeededRandom random,
        double[]? itemWeights, int[] pairs)
    {
        var userBlock = Deal(userItems.Rows, blocks, ref random);
        var itemBlock = Deal(userItems.Columns, blocks, ref random);

        // Counting sort of entry positions by stratum.
        var offsets = new int[(blocks * blocks) + 1];
        for (var p = 0; p < rowOf.Length; p++)
        {
            offsets[(userBlock[rowOf[p]] * blocks) + itemBlock[userItems.ColumnIndices[p]] + 1]++;
        }

        for (var s = 0; s < blocks * blocks; s++) { offsets[s + 1] += offsets[s]; }
        var cursor = offsets[..^1];
        for (var p = 0; p < rowOf.Length; p++)
        {
            pairs[cursor[(userBlock[rowOf[p]] * blocks) + itemBlock[userItems.ColumnIndices[p]]]++] = p;
        }

        var blockItems = new List<int>[blocks];
        for (var b = 0; b < blocks; b++) { blockItems[b] = []; }
        for (var i = 0; i < itemBlock.Length; i++) { blockItems[itemBlock[i]].Add(i); }
        var samplers = new AliasTable?[blocks];
        if (itemWeights is not null)
        {
            for (var b = 0; b < blocks; b++)
            {
                samplers[b] = new AliasTable([.. blockItems[b].Select(i => itemWeights[i])]);
            }
        }

        return new StratifiedEpoch(blocks, offsets, pairs, [.. blockItems.Select(l => l.ToArray())], samplers);
    }

    /// <summary>Entry positions of stratum (user block, item block), to be shuffled and visited by one worker.</summary>
    public Span<int> Stratum(int userBlock, int itemBlock)
    {
        var s = (userBlock * Blocks) + itemBlock;
        return _pairs.AsSpan(_offsets[s], _offsets[s + 1] - _offsets[s]);
    }

    /// <summary>A negative item from <paramref name="itemBlock"/> that the user has not interacted with, or −1 when
    /// 64 draws all hit the user's positives (the pair is then skipped).</summary>
    public int SampleNegative(int itemBlock, ReadOnlySpan<int> positives, ref SeededRandom random)
    {
        var items = _blockItems[itemBlock];
        var sampler = _samplers[itemBlock];
        if (items.Length == 0 || sampler is { IsEmpty: true }) { return -1; }

        for (var attempt = 0; attempt < 64; attempt++)
        {
            var j = items[sampler is null ? random.NextInt(items.Length) : sampler.Sample(ref random)];
            if (positives.BinarySearch(j) < 0) { return j; }
        }

        return -1;
    }

    /// <summary>Random balanced assignment of ids to blocks: a seeded permutation cut into equal runs.</summary>
    private static int[] Deal(int count, int blocks, ref SeededRandom random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++) { order[i] = i; }
        random.Shuffle(order.AsSpan());
        var block = new int[count];
        for (var r = 0; r < count; r++) { block[order[r]] = (int)((long)r * blocks / count); }
        return block;
    }
}
