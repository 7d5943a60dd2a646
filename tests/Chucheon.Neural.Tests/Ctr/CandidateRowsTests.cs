using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;
using Chucheon.Neural.Ctr.Ranking;

namespace Chucheon.Neural.Tests.Ctr;

public sealed class CandidateRowsTests
{
    /// <summary>Scores item i as items − i for every user: low item ids are retrieved first.</summary>
    private sealed class DescendingRetriever(int items) : IItemScorer
    {
        public int ItemCount => items;

        public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
        {
            for (var u = 0; u < users.Length; u++)
            {
                for (var i = 0; i < items; i++) { scores[(u * items) + i] = items - i; }
            }
        }
    }

    private static InteractionDataset Dataset(int users, int items, int[] userIds, int[] itemIds) =>
        new("tiny", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")), new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")),
            new InteractionLog(userIds, itemIds));

    [Fact]
    public void CandidatesSkipTheHistoryAndAreLabelledByTheClicksWithScoreAndRank()
    {
        const int users = 3, items = 8;
        var train = Dataset(users, items, [0, 1], [0, 1]);
        var rows = new CandidateRows(new MovieLensCtrFeatures(train));
        var history = CsrMatrix.FromCoordinates(users, items, [0], [1], [1f]);
        var clicks = CsrMatrix.FromCoordinates(users, items, [0, 0, 2], [2, 7, 3], [1f, 1f, 1f]);

        var table = rows.Build(new DescendingRetriever(items), history, clicks, candidates: 3);

        // User 1 has no click and is skipped; user 0's item 1 is history, so its candidates are 0, 2, 3.
        var field = CandidateRows.FieldNames.ToList();
        Assert.Equal(6, table.Count);
        Assert.Equal(["0", "2", "3", "0", "1", "2"], Enumerable.Range(0, 6).Select(r => table.Cell(r, field.IndexOf("item"))));
        Assert.Equal(["0", "0", "0", "2", "2", "2"], Enumerable.Range(0, 6).Select(r => table.Cell(r, field.IndexOf("user"))));
        Assert.Equal([0f, 1f, 0f, 0f, 0f, 0f], Enumerable.Range(0, 6).Select(table.Label));
        Assert.Equal(["1", "2", "3"], Enumerable.Range(0, 3).Select(r => table.Cell(r, field.IndexOf("retrieval_rank"))));
        Assert.Equal("6", table.Cell(1, field.IndexOf("retrieval_score")));
        var encoded = CtrEncoder.Fit(CandidateRows.Schema(), table).Encode(table);
        Assert.Equal(6, encoded.Count);
    }

    [Fact]
    public void OutOfFoldRowsAreLabelledOnlyByInteractionsTheRetrieverWasNotFittedOn()
    {
        const int users = 4, items = 10;
        var random = new Random(3);
        var pairs = Enumerable.Range(0, users).SelectMany(u => Enumerable.Range(0, items).Where(_ => random.NextDouble() < 0.6).Select(i => (u, i))).ToArray();
        var train = Dataset(users, items, [.. pairs.Select(p => p.u)], [.. pairs.Select(p => p.i)]);
        var fitted = new List<InteractionDataset>();
        IItemScorer Fit(InteractionDataset part)
        {
            fitted.Add(part);
            return new DescendingRetriever(items);
        }

        var table = OutOfFoldCandidates.Build(train, Fit, new CandidateRows(new MovieLensCtrFeatures(train)), folds: 3, candidates: items, seed: 7);

        Assert.Equal(3, fitted.Count);
        var field = CandidateRows.FieldNames.ToList();
        var positives = Enumerable.Range(0, table.Count).Where(r => table.Label(r) == 1f)
            .Select(r => (int.Parse(table.Cell(r, field.IndexOf("user"))!), int.Parse(table.Cell(r, field.IndexOf("item"))!))).ToList();
        // Every training interaction is held out exactly once, and with all items as candidates it is labelled once.
        Assert.Equal(pairs.OrderBy(p => p).ToList(), positives.OrderBy(p => p).ToList());
        Assert.All(fitted, part => Assert.InRange(part.Log.Count, (pairs.Length * 2 / 3) - users, (pairs.Length * 2 / 3) + users));
        var again = OutOfFoldCandidates.AssignFolds(train, 3, 7);
        Assert.Equal(again, OutOfFoldCandidates.AssignFolds(train, 3, 7));
        Assert.All(Enumerable.Range(0, users), u => Assert.Equal(3, Enumerable.Range(0, pairs.Length).Where(r => pairs[r].u == u).Select(r => again[r]).Distinct().Count()));
    }
}
