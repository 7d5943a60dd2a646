namespace Chucheon.Data.Readers.Text;

/// <summary>One <c>name:type</c> entry of a RecBole atomic header.</summary>
internal sealed record AtomicField(string Name, string Type);

internal static class AtomicHeader
{
    public static readonly string[] KnownTypes = ["token", "token_seq", "float", "float_seq"];

    public static List<AtomicField> Parse(IReadOnlyList<string> header, LineIssues issues)
    {
        var fields = new List<AtomicField>(header.Count);
        foreach (var entry in header)
        {
            var colon = entry.LastIndexOf(':');
            if (colon <= 0)
            {
                throw issues.Fatal(1, entry, "header entries must be 'name:type'");
            }

            var type = entry[(colon + 1)..].Trim();
            if (!KnownTypes.Contains(type, StringComparer.Ordinal))
            {
                throw issues.Fatal(1, entry[..colon], $"unknown type '{type}' (known: {string.Join(", ", KnownTypes)})");
            }

            fields.Add(new AtomicField(entry[..colon].Trim(), type));
        }

        return fields;
    }
}
