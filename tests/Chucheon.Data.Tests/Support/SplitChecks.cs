namespace Chucheon.Data.Tests.Support;

/// <summary>Structural checks shared by split tests.</summary>
internal static class SplitChecks
{
    /// <summary>Original row ids (see <see cref="RandomData"/>) of every part, in part order.</summary>
    public static (int[] Train, int[] Validation, int[] Test, int[] FoldIn) RowIdsByPart(DataSplit split) =>
        (RandomData.RowIds(split.Train.Log), RandomData.RowIds(split.Validation), RandomData.RowIds(split.Test),
         split.FoldIn is null ? [] : RandomData.RowIds(split.FoldIn));

    /// <summary>Every input row is in exactly one part (nothing lost, nothing duplicated, parts disjoint).</summary>
    public static void AssertPartition(InteractionDataset input, DataSplit split)
    {
        var (train, validation, test, foldIn) = RowIdsByPart(split);
        var all = train.Concat(validation).Concat(test).Concat(foldIn).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, input.Log.Count), all);
        Assert.Same(input.Users, split.Train.Users);
        Assert.Same(input.Items, split.Train.Items);
    }

    /// <summary>Rows keep their original relative order inside each part.</summary>
    public static void AssertSourceOrder(DataSplit split)
    {
        var (train, validation, test, foldIn) = RowIdsByPart(split);
        foreach (var part in new[] { train, validation, test, foldIn })
        {
            Assert.Equal(part.Order(), part);
        }
    }
}
