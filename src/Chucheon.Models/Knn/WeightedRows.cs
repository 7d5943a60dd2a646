using Chucheon.Data;

namespace Chucheon.Models.Knn;

/// <summary>The vectors that kNN compares: rows of an interaction matrix (items for item kNN, users for user kNN)
/// after <see cref="KnnWeighting"/>, their transpose for co-occurrence, and their L2 norms.</summary>
/// <remarks>
/// idf(f) = ln(N / (1 + df(f))) over the N rows, clamped at zero (a feature present in nearly every row carries no
/// signal and must not turn similarities negative). TF-IDF weighs a value x as √x·idf; BM25 as
/// x·(k1 + 1) / (k1·(1 − b + b·len/avglen) + x)·idf, with len the row's total and avglen the mean over non-empty
/// rows (Robertson &amp; Zaragoza 2009; the same forms as implicit's tfidf_weight / bm25_weight).
/// </remarks>
internal sealed class WeightedRows
{
    private readonly KnnWeighting _weighting;
    private readonly float _k1;
    private readonly float _b;
    private readonly float[] _idf;
    private readonly float _averageLength;

    public WeightedRows(CsrMatrix raw, KnnWeighting weighting, double k1, double b)
    {
        _weighting = weighting;
        _k1 = (float)k1;
        _b = (float)b;
        _idf = InverseDocumentFrequency(raw);
        var nonEmpty = 0;
        var total = 0.0;
        for (var r = 0; r < raw.Rows; r++)
        {
            if (raw.RowLength(r) == 0) { continue; }
            nonEmpty++;
            foreach (var v in raw.RowValues(r)) { total += v; }
        }

        _averageLength = nonEmpty == 0 ? 1f : (float)(total / nonEmpty);
        var values = new float[raw.NonZeros];
        Norms = new float[raw.Rows];
        for (var r = 0; r < raw.Rows; r++)
        {
            var start = raw.RowPointers[r];
            Norms[r] = Weigh(raw.RowIndices(r), raw.RowValues(r), values.AsSpan(start, raw.RowLength(r)));
        }

        Rows = new CsrMatrix(raw.Rows, raw.Columns, raw.RowPointers, raw.ColumnIndices, values);
        Columns = Rows.Transpose();
    }

    /// <summary>Weighted rows (entities × features).</summary>
    public CsrMatrix Rows { get; }

    /// <summary>Transpose of <see cref="Rows"/> (features × entities), walked to accumulate co-occurrences.</summary>
    public CsrMatrix Columns { get; }

    /// <summary>L2 norm of each weighted row.</summary>
    public float[] Norms { get; }

    /// <summary>Weighs one row (a training row, or an unseen user's history for fold-in) into
    /// <paramref name="weighted"/> and returns its L2 norm. Features the training data never had get weight 0.</summary>
    public float Weigh(ReadOnlySpan<int> features, ReadOnlySpan<float> values, Span<float> weighted)
    {
        var length = 0f;
        if (_weighting == KnnWeighting.Bm25)
        {
            foreach (var v in values) { length += v; }
        }

        var lengthNorm = (1f - _b) + (_b * length / _averageLength);
        var squares = 0.0;
        for (var p = 0; p < features.Length; p++)
        {
            var f = features[p];
            var x = values[p];
            var idf = (uint)f < (uint)_idf.Length ? _idf[f] : 0f;
            var w = (uint)f >= (uint)_idf.Length ? 0f : _weighting switch
            {
                KnnWeighting.Tfidf => MathF.Sqrt(x) * idf,
                KnnWeighting.Bm25 => x * (_k1 + 1f) / ((_k1 * lengthNorm) + x) * idf,
                _ => x,
            };
            weighted[p] = w;
            squares += (double)w * w;
        }

        return (float)Math.Sqrt(squares);
    }

    private static float[] InverseDocumentFrequency(CsrMatrix raw)
    {
        var documentFrequency = new int[raw.Columns];
        foreach (var f in raw.ColumnIndices) { documentFrequency[f]++; }

        var idf = new float[raw.Columns];
        for (var f = 0; f < idf.Length; f++)
        {
            idf[f] = (float)Math.Max(0, Math.Log(raw.Rows / (1.0 + documentFrequency[f])));
        }

        return idf;
    }
}
