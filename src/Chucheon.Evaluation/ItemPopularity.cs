using Chucheon.Data;

namespace Chucheon.Evaluation;

/// <summary>Training popularity of each item (its number of training interactions, repeats included, as RecBole
/// counts it) and the head / tail division of the catalog used for item segments.</summary>
internal sealed class ItemPopularity
{
    private ItemPopularity(int[] counts, bool[] isHead, int headCount)
    {
        Counts = counts;
        IsHead = isHead;
        HeadCount = headCount;
    }

    public int[] Counts { get; }

    /// <summary>True for the ceil(fraction × items) most popular items; ties at the boundary go to the lower item id
    /// so the division is deterministic.</summary>
    public bool[] IsHead { get; }

    public int HeadCount { get; }

    public int TailCount => Counts.Length - HeadCount;

    public static ItemPopularity FromTraining(InteractionLog train, int itemCount, double headFraction)
    {
        var counts = new int[itemCount];
        foreach (var item in train.Items) { counts[item]++; }

        var byPopularity = new int[itemCount];
        for (var i = 0; i < itemCount; i++) { byPopularity[i] = i; }
        Array.Sort(byPopularity, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : a.CompareTo(b));

        // The allowance keeps a product such as 0.07 × 100 (7.000000000000001) that lands a hair above an integer from rounding up past it.
        var headCount = Math.Min(itemCount, (int)Math.Ceiling((headFraction * itemCount) - 1e-9));
        var isHead = new bool[itemCount];
        for (var r = 0; r < headCount; r++) { isHead[byPopularity[r]] = true; }
        return new ItemPopularity(counts, isHead, headCount);
    }
}
