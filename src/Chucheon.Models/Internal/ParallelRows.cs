namespace Chucheon.Models.Internal;

/// <summary>Body of a parallel loop that writes its own disjoint part of a shared destination span.</summary>
internal delegate void RowBlockAction(Span<float> destination, int block);

/// <summary>Parallel loops over the rows of a caller's <see cref="Span{T}"/> (a score buffer handed to
/// <see cref="Evaluation.IItemScorer.Score"/>), which lambdas cannot capture directly.</summary>
internal static unsafe class ParallelRows
{
    /// <summary>Receives a contiguous range of rows and the matching slice of the output.</summary>
    public delegate void RangeBody(int firstRow, int rowCount, Span<float> block);

    /// <summary>Receives one work item index and the whole output.</summary>
    public delegate void BlockBody(int block, Span<float> output);

    /// <summary>Runs <paramref name="body"/> for blocks 0..count-1 in parallel, each seeing the whole output; the
    /// body must write only its own part (e.g. its own column range).</summary>
    public static void ForBlocks(Span<float> output, int count, int threads, BlockBody body)
    {
        if (count == 0 || output.IsEmpty)
        {
            return;
        }

        fixed (float* start = output)
        {
            var address = (nint)start;
            var length = output.Length;
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
                block => body(block, new Span<float>((float*)address, length)));
        }
    }

    /// <summary>Cuts <paramref name="rows"/> rows of <paramref name="rowLength"/> into ranges of at most
    /// <paramref name="rangeRows"/> rows and runs <paramref name="body"/> on them in parallel.</summary>
    public static void For(Span<float> output, int rows, int rowLength, int rangeRows, int threads, RangeBody body)
    {
        if (rows == 0 || rowLength == 0)
        {
            return;
        }

        rangeRows = Math.Max(1, rangeRows);
        var ranges = (rows + rangeRows - 1) / rangeRows;
        // The span is pinned for the duration of the (synchronous) loop; workers rebuild slices from its address.
        fixed (float* start = output)
        {
            var address = (nint)start;
            Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, range =>
            {
                var first = range * rangeRows;
                var count = Math.Min(rangeRows, rows - first);
                var block = new Span<float>((float*)address + ((long)first * rowLength), count * rowLength);
                body(first, count, block);
            });
        }
    }

    /// <summary>Runs <paramref name="body"/> for blocks 0..blocks-1 with the caller's loop options; each block must
    /// write a disjoint range (block b owns rows [b·size, (b+1)·size)).</summary>
    public static void For(Span<float> destination, int blocks, ParallelOptions options, RowBlockAction body)
    {
        if (blocks == 1)
        {
            body(destination, 0);
            return;
        }

        ForBlocks(destination, blocks, options.MaxDegreeOfParallelism, (block, output) => body(output, block));
    }
}
