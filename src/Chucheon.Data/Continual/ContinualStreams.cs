namespace Chucheon.Data.Continual;

/// <summary>Builds the stream a <see cref="ContinualOptions"/> describes: source, task selection, order, noisy task.</summary>
public static class ContinualStreams
{
    /// <summary>Generator stream for the shuffled order, kept apart from the partition and noisy-task streams.</summary>
    private const long OrderStream = 100, NoisyStream = 101;

    public static StreamBuildResult Build(ContinualOptions options, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var folder = Path.GetFullPath(Path.Combine(baseDirectory ?? Environment.CurrentDirectory, options.Path));
        var built = options.Source switch
        {
            ContinualSource.MovieLens100K => MovieLens100KStream.Build(folder, options.Seed, options.Fractions, options.MinInputLength),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Source, "Unknown continual source."),
        };

        var missing = options.Tasks.Where(t => !built.Stream.TaskNames.Contains(t)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"The {options.Source} stream has no task {string.Join(", ", missing)} ({built.Report}).");
        }

        var stream = built.Stream.Select(options.Tasks);
        stream = options.Order switch
        {
            StreamOrder.Original => stream,
            StreamOrder.Reversed => stream.Reversed(),
            StreamOrder.Shuffled => stream.Shuffled(SeededStream(options.Seed, OrderStream)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Order, "Unknown stream order."),
        };

        if (options.NoisyTask is { } noisy)
        {
            stream = stream.WithNoisyTask(noisy.Position, SeededStream(options.Seed, NoisyStream), noisy.UserFraction, noisy.Classes, options.Fractions);
        }

        return built with { Stream = stream };
    }

    private static long SeededStream(long seed, long stream) => (long)SeededRandom.Derive(seed, stream).NextUInt64();
}
