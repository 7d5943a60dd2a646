namespace Chucheon.Data.Readers.Text;

/// <summary>Finds a column by header name or 0-based index.</summary>
internal static class ColumnResolver
{
    /// <summary>Index of <paramref name="column"/> (a header name or an index), or -1 with a reason.</summary>
    public static int Find(string column, IReadOnlyList<string>? header, out string? problem)
    {
        problem = null;
        if (header is not null)
        {
            for (var pass = 0; pass < 2; pass++)
            {
                var comparison = pass == 0 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                for (var i = 0; i < header.Count; i++)
                {
                    if (string.Equals(header[i], column, comparison)) { return i; }
                }
            }
        }

        if (int.TryParse(column, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        problem = header is null
            ? $"column '{column}' must be a 0-based index: the file has no header"
            : $"no column '{column}' in the header (columns: {string.Join(", ", header)})";
        return -1;
    }

    /// <summary>Index of the first header name matching one of <paramref name="candidates"/> loosely
    /// (case, '_' and '-' ignored), or -1.</summary>
    public static int FindAny(IReadOnlyList<string>? header, params ReadOnlySpan<string> candidates)
    {
        if (header is null)
        {
            return -1;
        }

        foreach (var candidate in candidates)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(Loose(header[i]), Loose(candidate), StringComparison.Ordinal)) { return i; }
            }
        }

        return -1;
    }

    private static string Loose(string name) =>
        name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}
