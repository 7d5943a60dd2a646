namespace Chucheon.Configuration;

/// <summary>A typed options object bound from configuration; <see cref="Validate"/> names the first bad key.</summary>
public interface IValidatedOptions
{
    /// <summary>Throws <see cref="OptionsException"/> naming the first out-of-range key.</summary>
    void Validate();
}

/// <summary>A hyperparameter or config value that is missing, unknown or out of range; names the key.</summary>
public sealed class OptionsException : Exception
{
    public OptionsException(string key, string message) : base($"'{key}': {message}") => Key = key;

    public OptionsException() : this("?", "invalid option")
    {
    }

    public OptionsException(string message) : this("?", message)
    {
    }

    public OptionsException(string message, Exception innerException) : base(message, innerException) => Key = "?";

    public string Key { get; }
}
