namespace Chucheon.Data.Splits;

/// <summary>Turns a per-row part assignment into a <see cref="DataSplit"/>; every part keeps source row order.</summary>
internal static class SplitAssembly
{
    public static DataSplit Build(InteractionDataset dataset, SplitPart[] parts, SplitMethod method)
    {
        var log = dataset.Log;
        if (parts.Length != log.Count)
        {
            throw new InvalidOperationException($"Split assigned {parts.Length} rows of {log.Count}.");
        }

        var rows = new List<int>[4];
        for (var p = 0; p < rows.Length; p++) { rows[p] = []; }
        for (var r = 0; r < parts.Length; r++) { rows[(int)parts[r]].Add(r); }

        InteractionLog Part(SplitPart part) =>
            log.Select(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows[(int)part]));

        var foldIn = method == SplitMethod.HeldOutUsers ? Part(SplitPart.FoldIn) : null;
        if (foldIn is null && rows[(int)SplitPart.FoldIn].Count > 0)
        {
            throw new InvalidOperationException($"Method {method.ConfigName()} assigned fold-in rows.");
        }

        return new DataSplit(dataset.WithLog(Part(SplitPart.Train)), Part(SplitPart.Validation), Part(SplitPart.Test), foldIn, method.ConfigName());
    }

    /// <summary>Rounds a target count half away from zero, so that e.g. 10% of 5 rows holds out one row, not zero.</summary>
    public static int RoundCount(double target) => (int)Math.Round(target, MidpointRounding.AwayFromZero);
}
