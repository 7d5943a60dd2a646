using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;

namespace Chucheon.Neural.Ctr.Ranking;

/// <summary>Training rows for a re-ranker without leakage: each user's training interactions are dealt into
/// <c>folds</c> parts; for each part the retriever is refitted on the other parts, proposes candidates outside them,
/// and the held-out part labels the candidates. The ranker thus sees the retriever's candidates, scores and ranks as
/// they look for interactions the retriever was not fitted on — which is what happens at serving time for the
/// validation and test interactions. (Labelling candidates of a retriever fitted on all training interactions would
/// leak: the held-in positives are excluded from its candidates as history.)</summary>
public static class OutOfFoldCandidates
{
    public static RawCtrTable Build(InteractionDataset train, Func<InteractionDataset, IItemScorer> fitRetriever, CandidateRows rows,
        int folds, int candidates, int seed, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = AssignFolds(train, folds, seed);
        var table = new RawCtrTable(CandidateRows.FieldNames);
        for (var f = 0; f < folds; f++)
        {
            var kept = train.Log.Where(r => fold[r] != f);
            var held = train.Log.Where(r => fold[r] == f);
            var retriever = fitRetriever(train.WithLog(kept));
            var before = table.Count;
            rows.Build(retriever, kept.ToUserItemMatrix(train.UserCount, train.ItemCount), held.ToUserItemMatrix(train.UserCount, train.ItemCount), candidates, table);
            log?.Invoke($"fold {f + 1}/{folds}: retriever fitted on {kept.Count} interactions, {table.Count - before} candidate rows labelled by {held.Count} held-out interactions");
        }

        return table;
    }

    /// <summary>Each user's rows, shuffled with the seed, are dealt round-robin from a random starting fold, so every
    /// user with at least <c>folds</c> interactions has some in every fold.</summary>
    internal static int[] AssignFolds(InteractionDataset train, int folds, int seed)
    {
        var random = SeededRandom.Derive(seed, 0xF01D);
        var byUser = new List<int>[train.UserCount];
        for (var r = 0; r < train.Log.Count; r++) { (byUser[train.Log.Users[r]] ??= []).Add(r); }
        var fold = new int[train.Log.Count];
        foreach (var rows in byUser)
        {
            if (rows is null) { continue; }
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows);
            random.Shuffle(span);
            var first = random.NextInt(folds);
            for (var i = 0; i < span.Length; i++) { fold[span[i]] = (first + i) % folds; }
        }

        return fold;
    }
}
