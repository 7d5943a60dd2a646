using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Chucheon.Configuration;

namespace Chucheon.Data.Caching;

/// <summary>Identifies a prepared dataset: a SHA-256 over the source files and the canonical form of everything that
/// shaped it (filter spec, split spec, seed), so that changing any of them misses the cache instead of reusing a stale
/// split.</summary>
/// <remarks>Files are identified by name, length and contents, not by full path or modification time: the same data
/// copied elsewhere hits the cache, and a touched-but-unchanged file does not invalidate it. The file order given is
/// part of the hash (a train file and a test file are not interchangeable).</remarks>
public sealed record DatasetFingerprint
{
    /// <summary>Bumped when filtering or splitting code changes what a given spec produces, so old entries stop matching.</summary>
    public const string Salt = "chucheon.dataset-fingerprint.v1";

    private static readonly JsonSerializerOptions SpecJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    // Relaxed escaping keeps paths and type names readable when the canonical form is logged; it is not HTML-bound.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public DatasetFingerprint(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"A fingerprint is 64 lowercase hex digits (got '{hex}').", nameof(hex));
        }

        Hex = hex;
    }

    /// <summary>The full SHA-256, 64 lowercase hex digits.</summary>
    public string Hex { get; }

    /// <summary>The first 16 hex digits: for directory names and logs.</summary>
    public string Short => Hex[..16];

    public override string ToString() => Short;

    /// <summary>Hashes the files (streamed, in the order given) and the specs. Pass the seed as one of the specs.</summary>
    public static DatasetFingerprint Compute(IEnumerable<string> sourceFiles, params object?[] specs)
    {
        ArgumentNullException.ThrowIfNull(sourceFiles);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, Salt + "\n");
        var buffer = new byte[1 << 20];
        foreach (var path in sourceFiles)
        {
            var info = new FileInfo(path);
            if (!info.Exists) { throw new FileNotFoundException($"Source file to fingerprint not found: {path}", path); }
            AppendText(hash, $"file\n{info.Name}\n{info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        AppendText(hash, "specs\n" + CanonicalJson(specs));
        return new DatasetFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The specs as compact JSON with object keys sorted, each tagged with its type name; options objects are
    /// written through <see cref="OptionsBinder.Describe"/> so that they appear by their config keys.</summary>
    public static string CanonicalJson(params object?[] specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var array = new JsonArray();
        foreach (var spec in specs)
        {
            array.Add(spec switch
            {
                null => null,
                IValidatedOptions options => Tagged(options, OptionsBinder.Describe(options)),
                _ => Tagged(spec, spec),
            });
        }

        return array.ToJsonString(Output);
    }

    private static JsonObject Tagged(object spec, object value) => new()
    {
        ["type"] = spec.GetType().Name,
        ["value"] = Sorted(JsonSerializer.SerializeToNode(value, value.GetType(), SpecJson)),
    };

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray arr => new JsonArray([.. arr.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private static void AppendText(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
