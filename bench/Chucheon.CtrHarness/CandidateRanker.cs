using System.Diagnostics;
using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;
using Chucheon.Models;
using Chucheon.Neural.Ctr;
using Chucheon.Neural.Ctr.Ranking;

namespace Chucheon.CtrHarness;

/// <summary>A re-ranker trained on what it re-ranks at serving time (<c>ctr.training_rows: candidates</c>): training
/// rows are the retriever's out-of-fold candidates of the training interactions (<see cref="OutOfFoldCandidates"/>),
/// early-stopping rows are the full-train retriever's candidates labelled by the validation interactions, and every
/// row carries the retriever's score and rank (<see cref="CandidateRows"/>). The test interactions are not read.</summary>
internal sealed record CandidateRanker(CtrModel Ranker, TwoStageScorer Scorer)
{
    public static CandidateRanker Fit(DataSplit split, IRecommender retriever, Func<InteractionDataset, IItemScorer> fitRetriever,
        MovieLensCtrFeatures features, string rankerAlias, IReadOnlyDictionary<string, object?> rankerOptions,
        int candidates, int folds, int minCount, int seed)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var rows = new CandidateRows(features);
        var rawTrain = OutOfFoldCandidates.Build(split.Train, fitRetriever, rows, folds, candidates, seed, Console.WriteLine);
        var validationClicks = split.Validation.ToUserItemMatrix(split.Train.UserCount, split.Train.ItemCount);
        var rawValidation = rows.Build(retriever, split.Train.UserItems, validationClicks, candidates);
        var encoder = CtrEncoder.Fit(CandidateRows.Schema(), rawTrain, minCount);
        var train = encoder.Encode(rawTrain);
        var validation = encoder.Encode(rawValidation);
        Console.WriteLine($"candidate rows: {train.Count} train ({train.PositiveRate:P2} clicks), {validation.Count} validation ({validation.PositiveRate:P2}); built in {watch.Elapsed.TotalSeconds:F1} s");

        var ranker = CtrModels.Create(rankerAlias, rankerOptions);
        watch.Restart();
        ranker.Fit(train, validation, new FitContext { Seed = seed, Progress = new SyncProgress(p => Console.Error.WriteLine(p.Detail)) });
        var metrics = ranker.Evaluate(validation);
        Console.WriteLine($"{ranker.Alias} fit {watch.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} CPU s since row building; validation AUC {metrics.Auc:F4} GAUC {metrics.GroupAuc:F4}, {ranker.TrainingHistory.Count} epochs, best {ranker.BestEpoch + 1}");
        return new CandidateRanker(ranker, new TwoStageScorer(retriever, ranker, (user, items, scores) => rows.Encode(encoder, user, items, scores), candidates));
    }
}
