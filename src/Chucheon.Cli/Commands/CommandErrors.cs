using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Experiments.Configuration;

namespace Chucheon.Cli.Commands;

/// <summary>Turns the errors a user can fix (bad config, bad data, missing files) into one clear line and exit code 2;
/// anything else is a bug and keeps its stack trace.</summary>
internal static class CommandErrors
{
    public const int UserError = 2;

    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ConfigException or OptionsException or DataFormatException or FileNotFoundException
                                       or DirectoryNotFoundException or KeyNotFoundException or HttpRequestException
                                       or InvalidDataException or NotSupportedException or InsufficientMemoryException
                                       or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UserError;
        }
        catch (InvalidOperationException e) when (e.Source?.StartsWith("Chucheon", StringComparison.Ordinal) == true)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UserError;
        }
    }
}
