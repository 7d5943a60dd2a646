namespace Chucheon.Data.Readers;

/// <summary>How a delimited interaction file (CSV, TSV) is laid out, and which columns hold what.</summary>
public sealed record DelimitedLayout
{
    /// <summary>Field separator; one or more characters.</summary>
    public string Separator { get; init; } = ",";

    /// <summary>Whether fields may be double-quoted (RFC 4180); needs a single-character separator.</summary>
    public bool Quoted { get; init; } = true;

    public bool HasHeader { get; init; } = true;

    /// <summary>Text encoding name; UTF-8 when unset (a byte-order mark wins either way).</summary>
    public string? Encoding { get; init; }

    public InteractionColumns Columns { get; init; } = new();

    /// <summary>Comma-separated with a header row and quoting.</summary>
    public static DelimitedLayout Csv { get; } = new();

    /// <summary>Tab-separated, unquoted, no header: the shape of most research dumps.</summary>
    public static DelimitedLayout Tsv { get; } = new() { Separator = "\t", Quoted = false, HasHeader = false };
}
