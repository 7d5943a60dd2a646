namespace Chucheon.Data.Splits;

/// <summary>Entry point: divides a dataset by a <see cref="SplitSpec"/>.</summary>
/// <remarks>Every method assigns each row to exactly one part, so the parts are disjoint and together are the input
/// (as a multiset of rows). Parts keep source row order. The same dataset, spec and seed always give the same split:
/// randomness comes from <see cref="SplitMix64"/> streams keyed by seed and raw user id.</remarks>
public static class Splitters
{
    public static DataSplit Split(InteractionDataset dataset, SplitSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var parts = spec.Method switch
        {
            SplitMethod.LeaveOneOut => LeaveOneOutSplitter.Assign(dataset, spec),
            SplitMethod.Temporal => TemporalSplitter.Assign(dataset, spec),
            SplitMethod.Random => RandomSplitter.Assign(dataset, spec, seed),
            SplitMethod.LastPlusRandom => LastPlusRandomSplitter.Assign(dataset, spec, seed),
            SplitMethod.HeldOutUsers => HeldOutUsersSplitter.Assign(dataset, spec, seed),
            SplitMethod.Predefined => throw new InvalidOperationException(
                "A predefined split is read from its files (split.train / split.valid / split.test); build it with PredefinedSplit.Create."),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Method, "Unknown split method."),
        };
        return SplitAssembly.Build(dataset, parts, spec.Method);
    }
}
