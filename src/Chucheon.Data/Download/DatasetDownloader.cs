using System.IO.Compression;
using System.Security.Cryptography;

namespace Chucheon.Data.Download;

/// <summary>Progress of a download: bytes received and the total when the server announces it.</summary>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes);

/// <summary>What a download produced: the unpacked folder, the archive's size and SHA-256 (recorded so a run can
/// name exactly which bytes it used).</summary>
public sealed record DownloadResult(string Folder, long ArchiveBytes, string Sha256, bool AlreadyPresent);

/// <summary>Fetches a public dataset archive over HTTP and unpacks it, safely and without leaving partial state.</summary>
/// <remarks>The archive is streamed to a temporary file, checked to be a readable zip, unpacked into a temporary
/// folder, and only then moved into place, so an interrupted download never looks like a finished one.</remarks>
public sealed class DatasetDownloader(HttpClient http)
{
    public async Task<DownloadResult> DownloadAsync(PublicDataset dataset, string targetDirectory, string? baseUrl = null,
        bool force = false, IProgress<DownloadProgress>? progress = null, CancellationToken cancellation = default)
    {
        var finalFolder = Path.Combine(targetDirectory, dataset.Folder);
        if (Directory.Exists(finalFolder) && !force)
        {
            return new DownloadResult(finalFolder, 0, string.Empty, AlreadyPresent: true);
        }

        Directory.CreateDirectory(targetDirectory);
        var url = new Uri(new Uri(PublicDatasets.ResolveBaseUrl(baseUrl)), dataset.ArchiveFile);
        var archivePath = Path.Combine(targetDirectory, $".{dataset.ArchiveFile}.{Environment.ProcessId}.partial");
        var stagingFolder = Path.Combine(targetDirectory, $".{dataset.Folder}.{Environment.ProcessId}.unpacking");
        try
        {
            var (bytes, sha) = await FetchAsync(url, archivePath, progress, cancellation).ConfigureAwait(false);
            if (Directory.Exists(stagingFolder)) { Directory.Delete(stagingFolder, recursive: true); }
            try
            {
                ZipFile.ExtractToDirectory(archivePath, stagingFolder);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{url} did not deliver a valid zip archive ({bytes} bytes): {e.Message}", e);
            }

            // Archives usually hold one top-level folder (ml-100k/...); accept a flat archive too.
            var entries = Directory.GetFileSystemEntries(stagingFolder);
            var content = entries.Length == 1 && Directory.Exists(entries[0]) ? entries[0] : stagingFolder;
            if (Directory.Exists(finalFolder)) { Directory.Delete(finalFolder, recursive: true); }
            Directory.Move(content, finalFolder);
            return new DownloadResult(finalFolder, bytes, sha, AlreadyPresent: false);
        }
        finally
        {
            if (File.Exists(archivePath)) { File.Delete(archivePath); }
            if (Directory.Exists(stagingFolder)) { Directory.Delete(stagingFolder, recursive: true); }
        }
    }

    private async Task<(long Bytes, string Sha256)> FetchAsync(Uri url, string path, IProgress<DownloadProgress>? progress, CancellationToken cancellation)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} failed: {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        var total = response.Content.Headers.ContentLength;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var source = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using var target = File.Create(path);
        var buffer = new byte[1 << 16];
        long received = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
            hash.AppendData(buffer, 0, read);
            received += read;
            progress?.Report(new DownloadProgress(received, total));
        }

        if (total is { } expected && expected != received)
        {
            throw new IOException($"GET {url} ended after {received} of {expected} bytes.");
        }

        return (received, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
