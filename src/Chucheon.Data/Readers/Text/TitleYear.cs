namespace Chucheon.Data.Readers.Text;

/// <summary>The release year MovieLens appends to titles: "Toy Story (1995)".</summary>
internal static class TitleYear
{
    public static float FromTitle(ReadOnlySpan<char> title)
    {
        title = title.TrimEnd();
        // Some titles carry an alternative title after the year: "Shanghai Triad (Yao a yao yao dao waipo qiao) (1995)".
        if (title.Length >= 6 && title[^1] == ')' && title[^6] == '(' && FieldValues.TryParseInt(title[^5..^1], out var year))
        {
            return year;
        }

        return float.NaN;
    }

    /// <summary>Year of a MovieLens 100K release date ("01-Jan-1995"), NaN when empty or malformed.</summary>
    public static float FromReleaseDate(ReadOnlySpan<char> date)
    {
        date = date.Trim();
        return date.Length >= 4 && FieldValues.TryParseInt(date[^4..], out var year) ? year : float.NaN;
    }
}
