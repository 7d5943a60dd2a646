using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Chucheon.Data.Continual;

/// <summary>SHA-256 over everything that defines a stream (sequences, task order, labels, vocabularies, partitions), so
/// two runs can tell from one short string whether they trained on the same data.</summary>
internal static class TaskStreamFingerprint
{
    public static string Compute(TaskStream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sequences = stream.Sequences;
        AddIds(hash, sequences.Users);
        AddIds(hash, sequences.Items);
        for (var u = 0; u < sequences.UserCount; u++) { AddInts(hash, sequences.Of(u)); }

        foreach (var task in stream.Tasks)
        {
            AddText(hash, task.Name);
            AddText(hash, task.Kind.ToString());
            AddIds(hash, task.LabelVocabulary);
            AddInts(hash, task.Labels.Users);
            AddInts(hash, task.Labels.Offsets);
            AddInts(hash, task.Labels.Values);
            AddInts(hash, task.Partition.Train);
            AddInts(hash, task.Partition.Valid);
            AddInts(hash, task.Partition.Test);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static void AddIds(IncrementalHash hash, IdMap ids)
    {
        AddLength(hash, ids.Count);
        foreach (var raw in ids.RawIds) { AddText(hash, raw); }
    }

    private static void AddText(IncrementalHash hash, string text)
    {
        // Length-prefixed, so ["ab", "c"] and ["a", "bc"] hash differently.
        var bytes = Encoding.UTF8.GetBytes(text);
        AddLength(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AddInts(IncrementalHash hash, ReadOnlySpan<int> values)
    {
        AddLength(hash, values.Length);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var v in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, v);
            hash.AppendData(buffer);
        }
    }

    private static void AddLength(IncrementalHash hash, int length)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, length);
        hash.AppendData(buffer);
    }
}
