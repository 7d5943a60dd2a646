using Chucheon.Neural.Sequential;

namespace Chucheon.Neural.Tests;

public sealed class TokenWindowsTests
{
    private const int ItemCount = 10;

    [Fact]
    public void MaskedItemBecomesTheMaskTokenByDefault()
    {
        var tokens = TokenWindows.RightAligned([[2, SequenceAugmenter.Masked, 5]], width: 4, ItemCount);
        Assert.Equal([0L, 3L, ItemCount + 1L, 6L], tokens);
    }

    [Fact]
    public void MaskedItemBecomesPaddingWhenAsked()
    {
        // The public CL4SRec / CoSeRec code masks with item id 0, which its attention mask then hides.
        var tokens = TokenWindows.RightAligned([[2, SequenceAugmenter.Masked, 5], [SequenceAugmenter.Masked]], width: 3, ItemCount, maskedAsPadding: true);
        Assert.Equal([3L, 0L, 6L, 0L, 0L, 0L], tokens);
    }
}
