using Chucheon.Data.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>Every user's task-1 input as backbone tokens: the last <c>maxLength</c> items, shifted by one so that 0 is
/// padding, left-padded so the last position always holds the user's most recent item.</summary>
public sealed class SequenceTable : IDisposable
{
    private readonly Tensor _tokens;

    public SequenceTable(UserSequences sequences, int maxLength, Device device)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var longest = 1;
        for (var u = 0; u < sequences.UserCount; u++) { longest = Math.Max(longest, Math.Min(maxLength, sequences.LengthOf(u))); }
        Length = longest;
        var flat = new long[(long)sequences.UserCount * longest];
        for (var u = 0; u < sequences.UserCount; u++)
        {
            var items = sequences.Of(u);
            var kept = items[Math.Max(0, items.Length - longest)..];
            var offset = ((long)u * longest) + longest - kept.Length;
            for (var t = 0; t < kept.Length; t++) { flat[offset + t] = kept[t] + 1L; }
        }

        ItemCount = sequences.ItemCount;
        _tokens = tensor(flat, [sequences.UserCount, longest], ScalarType.Int64, device);
    }

    /// <summary>Positions per row (the longest kept sequence, at most the configured maximum).</summary>
    public int Length { get; }

    public int ItemCount { get; }

    /// <summary>[users.Length, Length] tokens of the given users.</summary>
    public Tensor Of(ReadOnlySpan<int> users)
    {
        using var index = tensor(users.ToArray().Select(u => (long)u).ToArray(), ScalarType.Int64, _tokens.device);
        return _tokens.index_select(0, index);
    }

    public void Dispose() => _tokens.Dispose();
}
