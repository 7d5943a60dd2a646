using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Chucheon.Data.Caching;

/// <summary>Prepared splits on disk, keyed by <see cref="DatasetFingerprint"/>, so that reading, filtering and splitting
/// a large dataset happens once per configuration.</summary>
/// <remarks>
/// An entry is a directory <c>&lt;cache&gt;/&lt;short fingerprint&gt;/</c> holding <c>split.bin</c>:
/// <c>magic, format version, full fingerprint | payload | body length, SHA-256 of everything before it</c>.
/// A load verifies length and hash before parsing, so a truncated or damaged entry is reported, deleted and rebuilt by
/// the caller — never trusted. An entry is written in a temporary directory beside the final one and renamed into
/// place, so a reader sees a complete entry or none, even if the writer dies half way.
/// </remarks>
public sealed class DatasetCache
{
    /// <summary>Bumped whenever <see cref="SplitPayload"/>'s layout changes; entries of another version are misses.</summary>
    public const int FormatVersion = 1;

    public const string EntryFileName = "split.bin";

    private const string TempPrefix = ".tmp-";
    private static readonly byte[] Magic = "CHUCACHE"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private const int TrailerLength = sizeof(long) + 32;

    /// <param name="directory">Where entries live; default <c>.chucheon/cache</c> under the current directory.</param>
    public DatasetCache(string? directory = null)
    {
        Directory = Path.GetFullPath(directory ?? DefaultDirectory);
    }

    public static string DefaultDirectory => Path.Combine(Environment.CurrentDirectory, ".chucheon", "cache");

    public string Directory { get; }

    public string EntryPath(DatasetFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return Path.Combine(Directory, fingerprint.Short);
    }

    public bool TryLoad(DatasetFingerprint fingerprint, [NotNullWhen(true)] out DataSplit? split) =>
        TryLoad(fingerprint, out split, out _);

    /// <summary>Loads a verified entry. <paramref name="rejection"/> says why an existing entry was not used (it has
    /// then been deleted); it is null for a plain miss.</summary>
    public bool TryLoad(DatasetFingerprint fingerprint, [NotNullWhen(true)] out DataSplit? split, out string? rejection)
    {
        split = null;
        rejection = null;
        var file = Path.Combine(EntryPath(fingerprint), EntryFileName);
        if (!File.Exists(file))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            rejection = Verify(stream, out var bodyLength) ?? ReadBody(stream, bodyLength, fingerprint, out split);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or FormatException)
        {
            rejection = $"unreadable entry: {e.Message}";
        }
        catch (IOException e)
        {
            // Locked or vanished while reading: not evidence of damage, so leave the entry for its owner.
            rejection = $"could not read entry: {e.Message}";
            split = null;
            return false;
        }

        if (rejection is null && split is not null)
        {
            return true;
        }

        split = null;
        TryDelete(EntryPath(fingerprint));
        return false;
    }

    /// <summary>Writes the entry atomically, replacing any existing one.</summary>
    public void Save(DatasetFingerprint fingerprint, DataSplit split)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(split);
        System.IO.Directory.CreateDirectory(Directory);
        RemoveAbandonedTemporaries();
        var temp = Path.Combine(Directory, $"{TempPrefix}{fingerprint.Short}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            WriteEntry(Path.Combine(temp, EntryFileName), fingerprint, split);
            var final = EntryPath(fingerprint);
            TryDelete(final);
            try
            {
                System.IO.Directory.Move(temp, final);
            }
            catch (IOException) when (System.IO.Directory.Exists(final))
            {
                // A concurrent writer renamed its entry first; it is equivalent (same fingerprint) and verified on load.
            }
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>The cached split, or <paramref name="build"/>'s result, saved for next time.</summary>
    public DataSplit GetOrCreate(DatasetFingerprint fingerprint, Func<DataSplit> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (TryLoad(fingerprint, out var cached))
        {
            return cached;
        }

        var split = build();
        Save(fingerprint, split);
        return split;
    }

    private static void WriteEntry(string path, DatasetFingerprint fingerprint, DataSplit split)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingWriteStream(file, hash);
        using (var writer = new BinaryWriter(hashing, StrictUtf8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(fingerprint.Hex);
            SplitPayload.Write(writer, split);
        }

        using (var trailer = new BinaryWriter(file, StrictUtf8, leaveOpen: true))
        {
            trailer.Write(hashing.Length);
            trailer.Write(hash.GetHashAndReset());
        }

        file.Flush(flushToDisk: true);
    }

    /// <summary>Checks the trailer's length and hash against the body; returns why the entry is bad, or null.</summary>
    private static string? Verify(FileStream stream, out long bodyLength)
    {
        bodyLength = stream.Length - TrailerLength;
        if (bodyLength < Magic.Length)
        {
            return $"entry is truncated ({stream.Length} bytes).";
        }

        stream.Position = bodyLength;
        using (var reader = new BinaryReader(stream, StrictUtf8, leaveOpen: true))
        {
            var recorded = reader.ReadInt64();
            if (recorded != bodyLength)
            {
                return $"entry length {bodyLength} does not match the recorded {recorded} (truncated or appended to).";
            }

            var expected = reader.ReadBytes(32);
            stream.Position = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 20];
            for (var left = bodyLength; left > 0;)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0) { return "entry ended early."; }
                hash.AppendData(buffer, 0, read);
                left -= read;
            }

            if (!CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), expected))
            {
                return "entry checksum mismatch (damaged).";
            }
        }

        return null;
    }

    private static string? ReadBody(FileStream stream, long bodyLength, DatasetFingerprint fingerprint, out DataSplit? split)
    {
        split = null;
        stream.Position = 0;
        using var reader = new BinaryReader(stream, StrictUtf8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            return "not a cache entry (bad magic).";
        }

        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            return $"format version {version}, this build reads {FormatVersion}.";
        }

        var stored = reader.ReadString();
        if (!string.Equals(stored, fingerprint.Hex, StringComparison.Ordinal))
        {
            return $"entry belongs to fingerprint {stored}, not {fingerprint.Hex} (short-form collision).";
        }

        split = SplitPayload.Read(reader, bodyLength);
        return stream.Position == bodyLength ? null : $"entry has {bodyLength - stream.Position} unexplained bytes after the split.";
    }

    /// <summary>Temporaries older than a day belong to writers that died; younger ones may still be in use.</summary>
    private void RemoveAbandonedTemporaries()
    {
        foreach (var dir in new DirectoryInfo(Directory).EnumerateDirectories(TempPrefix + "*"))
        {
            if (dir.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)) { TryDelete(dir.FullName); }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory)) { System.IO.Directory.Delete(directory, recursive: true); }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
