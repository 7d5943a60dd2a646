namespace Chucheon.Models.Internal;

/// <summary>Body of a parallel loop that writes its own disjoint part of a shared destination span.</summary>
internal delegate void RowBlockAction(Span<float> destination, int block);

/// <summary>Parallel loops over a caller's <see cref="Span{T}"/>. A span cannot be captured by a lambda, and copying
/// a batch of scores (users × items) through a managed buffer would cost a full extra pass over memory, so the span is
/// pinned for the duration of the loop and re-created from its address inside each worker.</summary>
/// <remarks>The only unsafe code of the factor models; safe as long as each block writes a disjoint range, which
/// every caller guarantees by construction (block b owns rows [b·size, (b+1)·size)).</remarks>
internal static unsafe class ParallelRows
{
    public static void For(Span<float> destination, int blocks, ParallelOptions options, RowBlockAction body)
    {
        if (blocks == 1)
        {
            body(destination, 0);
            return;
        }

        fixed (float* pointer = destination)
        {
            var address = (nint)pointer;
            var length = destination.Length;
            Parallel.For(0, blocks, options, b => body(new Span<float>((void*)address, length), b));
        }
    }
}
