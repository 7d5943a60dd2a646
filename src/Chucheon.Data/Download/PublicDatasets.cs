namespace Chucheon.Data.Download;

/// <summary>A public dataset archive that <c>chucheon datasets download</c> knows how to fetch.</summary>
/// <param name="Name">Command-line name.</param>
/// <param name="ArchiveFile">File name of the zip under the base URL.</param>
/// <param name="Format">The reader format for the unpacked folder.</param>
/// <param name="Folder">Folder the archive unpacks to.</param>
/// <param name="Description">One line for listings.</param>
public sealed record PublicDataset(string Name, string ArchiveFile, string Format, string Folder, string Description);

/// <summary>The catalog of downloadable datasets (GroupLens MovieLens archives).</summary>
public static class PublicDatasets
{
    /// <summary>Where GroupLens publishes the archives; overridable (tests point it at a local fixture server).</summary>
    public const string DefaultBaseUrl = "https://files.grouplens.org/datasets/movielens/";

    public const string BaseUrlVariable = "CHUCHEON_DOWNLOAD_BASE_URL";

    public static IReadOnlyList<PublicDataset> All { get; } =
    [
        new("movielens-100k", "ml-100k.zip", "movielens-100k", "ml-100k", "MovieLens 100K: 943 users, 1,682 movies, 100,000 ratings with user and item features"),
        new("movielens-1m", "ml-1m.zip", "movielens-1m", "ml-1m", "MovieLens 1M: 6,040 users, 3,706 movies, 1,000,209 ratings"),
        new("movielens-latest-small", "ml-latest-small.zip", "movielens-latest", "ml-latest-small", "MovieLens latest small: 610 users, 9,742 movies, 100,836 ratings, tags"),
    ];

    public static PublicDataset Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown dataset '{name}'. Downloadable: {string.Join(", ", All.Select(d => d.Name))}.", nameof(name));

    public static string ResolveBaseUrl(string? overrideUrl = null)
    {
        var url = overrideUrl ?? Environment.GetEnvironmentVariable(BaseUrlVariable) ?? DefaultBaseUrl;
        return url.EndsWith('/') ? url : url + "/";
    }
}
