namespace Chucheon.Experiments.Configuration;

/// <summary>A bad experiment config: names the file, the line (when known) and the key.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string file, int line, string? key, string message)
        : base($"{file}{(line > 0 ? $":{line}" : "")}: {(key is null ? "" : $"'{key}': ")}{message}")
    {
        File = file;
        Line = line;
        Key = key;
    }

    public ConfigException() : this("config", 0, null, "invalid config")
    {
    }

    public ConfigException(string message) : this("config", 0, null, message)
    {
    }

    public ConfigException(string message, Exception innerException) : base(message, innerException) => File = "config";

    public string File { get; }

    public int Line { get; }

    public string? Key { get; }
}
