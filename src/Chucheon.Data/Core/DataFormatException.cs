namespace Chucheon.Data;

/// <summary>A malformed input record: names the file, the 1-based line and the field so that it can be fixed.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string file, long line, string? field, string message)
        : base(Format(file, line, field, message))
    {
        File = file;
        Line = line;
        Field = field;
        Reason = message;
    }

    public DataFormatException(string message) : base(message)
    {
        File = string.Empty;
        Reason = message;
    }

    public DataFormatException() : this("Malformed data.")
    {
    }

    public DataFormatException(string message, Exception innerException) : base(message, innerException)
    {
        File = string.Empty;
        Reason = message;
    }

    public string File { get; }

    public long Line { get; }

    public string? Field { get; }

    public string Reason { get; }

    private static string Format(string file, long line, string? field, string message) =>
        field is null ? $"{file}:{line}: {message}" : $"{file}:{line}: field '{field}': {message}";
}
