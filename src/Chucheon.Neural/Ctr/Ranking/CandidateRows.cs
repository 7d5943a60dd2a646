using System.Globalization;
using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;

namespace Chucheon.Neural.Ctr.Ranking;

/// <summary>CTR rows for retrieved candidates on MovieLens: the user and item fields of
/// <see cref="MovieLensCtrFeatures"/> plus two fields that carry the retriever's opinion, <c>retrieval_score</c> (the
/// raw score, standardised) and <c>retrieval_rank</c> (1-based position among the candidates, log-bucketed). With
/// them the ranker can learn a correction to the retriever's order instead of having to rebuild it from ids; the rank
/// is the stable part when the retriever is refitted on more data (scores change scale, positions do not).</summary>
public sealed class CandidateRows(MovieLensCtrFeatures features)
{
    private const int UsersPerBatch = 128;

    public static IReadOnlyList<string> FieldNames { get; } = [.. MovieLensCtrFeatures.FieldNames, "retrieval_score", "retrieval_rank"];

    public static CtrSchema Schema() => new(
        [
            .. MovieLensCtrFeatures.Schema().Fields,
            CtrFieldSpec.Numeric("retrieval_score", NumericTransform.Scale),
            CtrFieldSpec.Numeric("retrieval_rank", NumericTransform.LogBucket),
        ],
        groupField: "user");

    /// <summary>Adds one row per candidate of <paramref name="user"/> (best first, with its retriever score); the label
    /// is 1 when the item is in the user's row of <paramref name="clicks"/>, 0 otherwise (a hard negative: the
    /// retriever ranked it high but the user did not interact with it).</summary>
    public void Add(RawCtrTable table, int user, ReadOnlySpan<int> items, ReadOnlySpan<float> scores, CsrMatrix? clicks)
    {
        if (table.FieldCount != FieldNames.Count) { throw new ArgumentException("The table does not have the candidate fields.", nameof(table)); }
        var cells = new string?[FieldNames.Count];
        var clicked = clicks is not null && user < clicks.Rows ? clicks.RowIndices(user) : [];
        for (var c = 0; c < items.Length; c++)
        {
            features.Cells(user, items[c], cells);
            cells[^2] = scores[c].ToString("R", CultureInfo.InvariantCulture);
            cells[^1] = (c + 1).ToString(CultureInfo.InvariantCulture);
            table.Add(cells, clicked.BinarySearch(items[c]) >= 0 ? 1f : 0f);
        }
    }

    /// <summary>Labelled rows for every user with at least one click: the retriever, given <paramref name="history"/>,
    /// proposes its best <paramref name="candidates"/> items outside that history.</summary>
    public RawCtrTable Build(IItemScorer retriever, CsrMatrix history, CsrMatrix clicks, int candidates, RawCtrTable? appendTo = null)
    {
        var table = appendTo ?? new RawCtrTable(FieldNames);
        var items = retriever.ItemCount;
        var users = Enumerable.Range(0, clicks.Rows).Where(u => clicks.RowLength(u) > 0).ToArray();
        var top = new RetrievedCandidates(items);
        var block = new float[UsersPerBatch * items];
        for (var start = 0; start < users.Length; start += UsersPerBatch)
        {
            var batch = users.AsSpan(start, Math.Min(UsersPerBatch, users.Length - start));
            var scores = block.AsSpan(0, batch.Length * items);
            retriever.Score(batch, history, scores);
            for (var u = 0; u < batch.Length; u++)
            {
                var row = scores.Slice(u * items, items);
                var chosen = top.Top(row, batch[u] < history.Rows ? history.RowIndices(batch[u]) : [], candidates);
                var retrieved = new float[chosen.Length];
                for (var c = 0; c < chosen.Length; c++) { retrieved[c] = row[chosen[c]]; }
                Add(table, batch[u], chosen, retrieved, clicks);
            }
        }

        return table;
    }

    /// <summary>Unlabelled rows for serving (<see cref="TwoStageScorer"/>), encoded with the ranker's encoder.</summary>
    public CtrDataset Encode(CtrEncoder encoder, int user, int[] items, float[] scores)
    {
        var table = new RawCtrTable(FieldNames);
        Add(table, user, items, scores, null);
        return encoder.Encode(table);
    }
}
