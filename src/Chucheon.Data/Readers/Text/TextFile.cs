using System.Text;

namespace Chucheon.Data.Readers.Text;

/// <summary>Opens text files for the readers and records them in the report.</summary>
internal static class TextFile
{
    /// <summary>ISO-8859-1, used by the MovieLens 100K and 1M catalogs ("Misérables").</summary>
    public static Encoding Latin1 => Encoding.Latin1;

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static LineReader Open(string path, Encoding encoding, LoadReport report)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Dataset file not found: {path}", path);
        }

        report.FileOpened(path);
        return new LineReader(path, encoding);
    }

    /// <summary>An encoding by name; "latin1"/"iso-8859-1" and "utf-8" are always available.</summary>
    public static Encoding ByName(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "UTF8" or "UTF-8" => Utf8,
        "LATIN1" or "LATIN-1" or "ISO-8859-1" or "ISO8859-1" => Latin1,
        _ => Encoding.GetEncoding(name),
    };
}
