using System.Runtime.InteropServices;
using System.Text.Json;

namespace Chucheon.Models;

/// <summary>Writes a model's named arrays and JSON documents into one directory (one file each, little-endian raw
/// arrays with a small header), so artifacts are inspectable and load without the training data.</summary>
public sealed class ArtifactWriter
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, IncludeFields = false };

    public ArtifactWriter(string directory)
    {
        Directory.CreateDirectory(directory);
        DirectoryPath = directory;
    }

    public string DirectoryPath { get; }

    public void Write(string name, ReadOnlySpan<float> values) => WriteRaw(name, ".f32", MemoryMarshal.AsBytes(values), values.Length);

    public void Write(string name, ReadOnlySpan<int> values) => WriteRaw(name, ".i32", MemoryMarshal.AsBytes(values), values.Length);

    public void Write(string name, ReadOnlySpan<double> values) => WriteRaw(name, ".f64", MemoryMarshal.AsBytes(values), values.Length);

    public void WriteJson<T>(string name, T value) =>
        File.WriteAllText(PathOf(name, ".json"), JsonSerializer.Serialize(value, Json));

    public void WriteLines(string name, IEnumerable<string> lines) => File.WriteAllLines(PathOf(name, ".txt"), lines);

    private void WriteRaw(string name, string extension, ReadOnlySpan<byte> bytes, int length)
    {
        using var stream = File.Create(PathOf(name, extension));
        Span<byte> header = stackalloc byte[8];
        BitConverter.TryWriteBytes(header, (long)length);
        stream.Write(header);
        stream.Write(bytes);
    }

    private string PathOf(string name, string extension) => Path.Combine(DirectoryPath, name + extension);
}

/// <summary>Reads what <see cref="ArtifactWriter"/> wrote; a missing or truncated part is a clear error.</summary>
public sealed class ArtifactReader(string directory)
{
    public string DirectoryPath { get; } = directory;

    public float[] ReadFloats(string name) => ReadRaw<float>(name, ".f32");

    public int[] ReadInts(string name) => ReadRaw<int>(name, ".i32");

    public double[] ReadDoubles(string name) => ReadRaw<double>(name, ".f64");

    public bool Has(string name, string extension) => File.Exists(PathOf(name, extension));

    public T ReadJson<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Require(name, ".json")), ArtifactWriter.Json)
        ?? throw new InvalidDataException($"{PathOf(name, ".json")} is empty.");

    public string[] ReadLines(string name) => File.ReadAllLines(Require(name, ".txt"));

    private T[] ReadRaw<T>(string name, string extension) where T : unmanaged
    {
        var path = Require(name, extension);
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[8];
        stream.ReadExactly(header);
        var length = BitConverter.ToInt64(header);
        var expected = (length * Marshal.SizeOf<T>()) + 8;
        if (length < 0 || stream.Length != expected)
        {
            throw new InvalidDataException($"{path}: header says {length} values ({expected} bytes) but the file has {stream.Length} bytes.");
        }

        var result = new T[length];
        stream.ReadExactly(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    private string Require(string name, string extension)
    {
        var path = PathOf(name, extension);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Model artifact part '{name}{extension}' is missing in {DirectoryPath}.", path);
    }

    private string PathOf(string name, string extension) => Path.Combine(DirectoryPath, name + extension);
}
