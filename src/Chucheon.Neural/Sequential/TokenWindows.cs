namespace Chucheon.Neural.Sequential;

/// <summary>Builds left-padded token matrices from item sequences. Items are dense ids; a negative value stands for
/// the mask token. Token 0 is padding, item i is i + 1, the mask is items + 1.</summary>
internal static class TokenWindows
{
    /// <param name="maskedAsPadding">A masked item becomes padding (0) instead of the mask token.</param>
    public static long Token(int item, int itemCount, bool maskedAsPadding = false) =>
        item >= 0 ? item + 1L : maskedAsPadding ? 0L : itemCount + 1L;

    /// <summary>Row-major [rows, width] tokens: each row holds the last min(width, length) items of its sequence,
    /// right-aligned.</summary>
    public static long[] RightAligned(IReadOnlyList<int[]> rows, int width, int itemCount, bool maskedAsPadding = false)
    {
        var tokens = new long[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            var s = rows[r];
            var m = Math.Min(width, s.Length);
            var offset = (r * width) + width - m;
            for (var j = 0; j < m; j++) { tokens[offset + j] = Token(s[s.Length - m + j], itemCount, maskedAsPadding); }
        }

        return tokens;
    }

    /// <summary>The batch width: the longest sequence, capped at <paramref name="maxLength"/>, at least 1. Padding a
    /// batch only to its longest member saves most of the work on short-history datasets.</summary>
    public static int Width(IReadOnlyList<int[]> rows, int maxLength)
    {
        var longest = 1;
        foreach (var s in rows) { longest = Math.Max(longest, s.Length); }
        return Math.Min(longest, maxLength);
    }
}
