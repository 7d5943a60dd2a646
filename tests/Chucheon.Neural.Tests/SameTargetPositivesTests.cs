using Chucheon.Neural.Sequential;

namespace Chucheon.Neural.Tests;

public sealed class SameTargetPositivesTests
{
    // Item 2 follows [1] (user 0), [4] (user 1) and [5, 3, 6] (user 3); item 3 follows [1, 2] (user 0) and [5] (user 3).
    private static readonly int[][] Sequences = [[1, 2, 3], [4, 2, 0], [6], [5, 3, 6, 2]];

    private static readonly SameTargetPositives Positives = SameTargetPositives.FromSequences(Sequences, 7);

    [Fact]
    public void IndexesEveryPositionAfterTheFirst()
    {
        Assert.Equal(3, Positives.CountFor(2));
        Assert.Equal(2, Positives.CountFor(3));
        Assert.Equal(0, Positives.CountFor(1));
        Assert.Equal(0, Positives.CountFor(99));
        Assert.Equal(0, Positives.CountFor(-1));
    }

    [Theory]
    [InlineData(new[] { 1, 9, 9 }, new[] { "1", "4", "5,3,6" })]
    [InlineData(new[] { 1 }, new[] { "4", "6" })]
    public void DrawsAnotherHistoryFollowedByTheTargetCutToTheAnchorsLength(int[] anchor, string[] expected)
    {
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 60; seed++)
        {
            var drawn = Positives.Draw(2, anchor, new Random(seed));
            Assert.NotEqual(anchor, drawn);
            Assert.True(drawn.Length <= anchor.Length);
            seen.Add(string.Join(",", drawn));
        }

        Assert.Equal(expected.ToHashSet(), seen);
        Assert.Equal([5], Positives.Draw(3, [1, 2], new Random(3)));
    }

    [Fact]
    public void FallsBackToACopyOfTheHistoryWhenNoOtherOneExists()
    {
        int[] history = [4, 5];
        var drawn = Positives.Draw(1, history, new Random(0));
        Assert.Equal(history, drawn);
        Assert.NotSame(history, drawn);
        Assert.Equal([5], Positives.Draw(3, [1, 2], new Random(0)));
        var only = SameTargetPositives.FromSequences([[1, 2]], 3);
        Assert.Equal([1], only.Draw(2, [1], new Random(0)));
    }

    [Fact]
    public void SameSeedSameDrawAndTheIndexIsNotChanged()
    {
        Assert.Equal(Positives.Draw(2, [9], new Random(11)), Positives.Draw(2, [9], new Random(11)));
        var drawn = Positives.Draw(2, [9], new Random(11));
        Array.Fill(drawn, 0);
        Assert.Equal([5, 3, 6, 2], Sequences[3]);
    }

    [Fact]
    public void AnItemOutsideTheCatalogueIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SameTargetPositives.FromSequences([[0, 7]], 7));
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
    }
}
