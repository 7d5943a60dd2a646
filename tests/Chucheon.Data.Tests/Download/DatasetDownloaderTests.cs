using System.IO.Compression;
using System.Text;
using Chucheon.Data.Download;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Download;

public sealed class DatasetDownloaderTests
{
    private static byte[] ZipWith(params (string Path, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                using var stream = zip.CreateEntry(path).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task Downloads_and_unpacks_the_archive_from_the_configured_host()
    {
        var archive = ZipWith(("ml-100k/u.data", "1\t2\t5\t881250949\n"), ("ml-100k/README", "fixture"));
        using var server = new LocalFileServer(new() { ["ml-100k.zip"] = archive });
        using var temp = new TempDirectory();
        using var http = new HttpClient();
        var downloader = new DatasetDownloader(http);

        var result = await downloader.DownloadAsync(PublicDatasets.Get("movielens-100k"), temp.Path, server.BaseUrl);

        Assert.False(result.AlreadyPresent);
        Assert.Equal(archive.Length, result.ArchiveBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(archive)), result.Sha256);
        Assert.Equal("1\t2\t5\t881250949\n", File.ReadAllText(Path.Combine(temp.Path, "ml-100k", "u.data")));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path, ".*"));
    }

    [Fact]
    public async Task An_existing_folder_is_kept_unless_forced()
    {
        using var server = new LocalFileServer(new() { ["ml-100k.zip"] = ZipWith(("ml-100k/u.data", "new")) });
        using var temp = new TempDirectory();
        temp.Write("ml-100k/u.data", "old");
        using var http = new HttpClient();
        var downloader = new DatasetDownloader(http);

        var kept = await downloader.DownloadAsync(PublicDatasets.Get("movielens-100k"), temp.Path, server.BaseUrl);
        Assert.True(kept.AlreadyPresent);
        Assert.Equal(0, server.Requests);

        await downloader.DownloadAsync(PublicDatasets.Get("movielens-100k"), temp.Path, server.BaseUrl, force: true);
        Assert.Equal("new", File.ReadAllText(temp.File("ml-100k/u.data")));
    }

    [Fact]
    public async Task A_missing_archive_is_a_clear_error_and_leaves_nothing_behind()
    {
        using var server = new LocalFileServer([]);
        using var temp = new TempDirectory();
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            new DatasetDownloader(http).DownloadAsync(PublicDatasets.Get("movielens-1m"), temp.Path, server.BaseUrl));

        Assert.Contains("ml-1m.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task A_corrupt_archive_is_rejected_without_creating_the_dataset_folder()
    {
        using var server = new LocalFileServer(new() { ["ml-latest-small.zip"] = Encoding.UTF8.GetBytes("not a zip") });
        using var temp = new TempDirectory();
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new DatasetDownloader(http).DownloadAsync(PublicDatasets.Get("movielens-latest-small"), temp.Path, server.BaseUrl));

        Assert.Contains("valid zip", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("ml-latest-small")));
    }

    [Fact]
    public void Unknown_names_list_the_known_ones() =>
        Assert.Contains("movielens-100k", Assert.Throws<ArgumentException>(() => PublicDatasets.Get("netflix")).Message, StringComparison.Ordinal);
}
