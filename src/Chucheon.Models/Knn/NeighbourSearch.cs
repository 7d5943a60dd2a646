using Chucheon.Data;
using Chucheon.Evaluation;

namespace Chucheon.Models.Knn;

/// <summary>Top-k cosine neighbours with shrinkage, sim(a, b) = a·b / (‖a‖‖b‖ + shrink), over the rows of a
/// <see cref="WeightedRows"/>; the fitting step of both kNN models and the fold-in step of user kNN.</summary>
/// <remarks>
/// Dot products come from sparse co-occurrence: for each feature of the query, walk the rows that share it and add
/// into a dense accumulator of one slot per row. Work is Σ over features of (query weight × column length) — the
/// pairs that actually co-occur — and memory is one accumulator per thread, never a dense rows×rows matrix.
/// </remarks>
internal sealed class NeighbourSearch
{
    private readonly WeightedRows _data;
    private readonly float _shrink;
    private readonly int _k;

    public NeighbourSearch(WeightedRows data, double shrink, int k)
    {
        _data = data;
        _shrink = (float)shrink;
        _k = k;
    }

    public int Entities => _data.Rows.Rows;

    /// <summary>Neighbours of every row (itself excluded), as a CSR matrix with columns ascending.</summary>
    public CsrMatrix FindAll(ParallelOptions parallel)
    {
        var n = Entities;
        var indices = new int[n][];
        var values = new float[n][];
        Parallel.For(0, n, parallel, () => new Scratch(n, _k), (row, _, scratch) =>
        {
            var count = Find(_data.Rows.RowIndices(row), _data.Rows.RowValues(row), _data.Norms[row], row, scratch);
            indices[row] = scratch.Selected[..count].ToArray();
            values[row] = scratch.SelectedValues[..count].ToArray();
            return scratch;
        }, _ => { });

        var pointers = new int[n + 1];
        for (var r = 0; r < n; r++) { pointers[r + 1] = pointers[r] + indices[r].Length; }
        var columns = new int[pointers[n]];
        var similarities = new float[pointers[n]];
        for (var r = 0; r < n; r++)
        {
            indices[r].CopyTo(columns, pointers[r]);
            values[r].CopyTo(similarities, pointers[r]);
        }

        return new CsrMatrix(n, n, pointers, columns, similarities);
    }

    /// <summary>Neighbours of an already weighted query vector, written to <see cref="Scratch.Selected"/> /
    /// <see cref="Scratch.SelectedValues"/> in ascending row order; returns how many (at most k, only positive
    /// similarities). <paramref name="exclude"/> is a row to leave out (the query itself), or -1.</summary>
    public int Find(ReadOnlySpan<int> features, ReadOnlySpan<float> weights, float norm, int exclude, Scratch scratch)
    {
        var columns = _data.Columns;
        var acc = scratch.Accumulator;
        var stamp = scratch.Stamp;
        var generation = scratch.NextGeneration();
        var touched = 0;
        for (var p = 0; p < features.Length; p++)
        {
            var f = features[p];
            var w = weights[p];
            if ((uint)f >= (uint)columns.Rows || w == 0) { continue; }

            var rows = columns.RowIndices(f);
            var values = columns.RowValues(f);
            for (var q = 0; q < rows.Length; q++)
            {
                var e = rows[q];
                if (stamp[e] != generation)
                {
                    // First touch resets the slot, so the accumulator never needs a full clear.
                    stamp[e] = generation;
                    acc[e] = 0;
                    scratch.Touched[touched++] = e;
                }

                acc[e] += w * values[q];
            }
        }

        // Candidates stay in first-touch order, which depends only on the data, so selection (ties go to the earlier
        // candidate) is deterministic without sorting every touched list.
        var candidates = 0;
        foreach (var e in scratch.Touched.AsSpan(0, touched))
        {
            var dot = acc[e];
            var denominator = (norm * _data.Norms[e]) + _shrink;
            if (e == exclude || !(dot > 0) || !(denominator > 0)) { continue; }
            scratch.CandidateRows[candidates] = e;
            scratch.CandidateValues[candidates] = dot / denominator;
            candidates++;
        }

        if (candidates <= _k)
        {
            var rowsOut = scratch.Selected.AsSpan(0, candidates);
            scratch.CandidateRows.AsSpan(0, candidates).CopyTo(rowsOut);
            scratch.CandidateValues.AsSpan(0, candidates).CopyTo(scratch.SelectedValues);
            rowsOut.Sort(scratch.SelectedValues.AsSpan(0, candidates));
            return candidates;
        }

        var positions = scratch.Selected.AsSpan(0, _k);
        var best = scratch.SelectedValues.AsSpan(0, _k);
        TopK.Select(scratch.CandidateValues.AsSpan(0, candidates), _k, positions, best);
        for (var i = 0; i < _k; i++) { positions[i] = scratch.CandidateRows[positions[i]]; }
        positions.Sort(best);
        return _k;
    }

    /// <summary>Per-thread buffers sized to the number of rows.</summary>
    public sealed class Scratch(int entities, int k)
    {
        private int _generation;

        public float[] Accumulator { get; } = new float[entities];

        public int[] Stamp { get; } = new int[entities];

        public int[] Touched { get; } = new int[entities];

        public int[] CandidateRows { get; } = new int[entities];

        public float[] CandidateValues { get; } = new float[entities];

        public int[] Selected { get; } = new int[Math.Min(k, entities)];

        public float[] SelectedValues { get; } = new float[Math.Min(k, entities)];

        /// <summary>A stamp value no slot carries yet (stamps start at 0, generations at 1).</summary>
        public int NextGeneration()
        {
            if (++_generation == int.MaxValue)
            {
                Array.Clear(Stamp);
                _generation = 1;
            }

            return _generation;
        }
    }
}
