namespace Chucheon.Evaluation.Tests;

/// <summary>Who is evaluated, against what, and what is kept out of their rankings.</summary>
public sealed class RankingEvaluatorProtocolTests
{
    private static readonly double Log2Of3 = Math.Log2(3);

    // u0: train {0, 1}, validation {2}, test {3}. u1: train {0}, validation {1}, test {2, 9}. u2: train only.
    private static readonly Chucheon.Data.DataSplit Split = TestSplits.Build(3, 10,
        train: [(0, 0), (0, 1), (1, 0), (2, 5)],
        validation: [(0, 2), (1, 1)],
        test: [(0, 3), (1, 2), (1, 9)]);

    private static EvaluationSpec Spec(params int[] k) => new()
    {
        Metrics = ["Recall", "Precision", "NDCG", "MRR", "MAP", "Hit"],
        K = k,
        KeepTopLists = true,
    };

    [Fact]
    public void Test_target_excludes_history_and_validation_items()
    {
        var report = RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(10), Split, Spec(1, 3), EvaluationTarget.Test, seed: 1);

        // Low ids score highest, so each list is the lowest ids left after exclusions.
        Assert.Equal([0, 1], report.TopLists!.Select(l => l.User));
        Assert.Equal([3, 4, 5], report.TopLists![0].Items);
        Assert.Equal([2, 3, 4], report.TopLists![1].Items);

        Assert.Equal(2, report.UsersEvaluated);
        Assert.Equal(1, report.UsersSkipped);

        // u0 hits at rank 1 of 1 relevant; u1 hits at rank 1 of 2 relevant ({2, 9}).
        Assert.Equal((1 + (1.0 / 2)) / 2, report["Recall@1"], 12);
        Assert.Equal((1.0 / 3 + (1.0 / 3)) / 2, report["Precision@3"], 12);
        Assert.Equal((1 + (1 / (1 + (1 / Log2Of3)))) / 2, report["NDCG@3"], 12);
        Assert.Equal((1 + (1.0 / 2)) / 2, report["MAP@3"], 12);
        Assert.Equal(1.0, report["MRR@3"]);
        Assert.Equal(1.0, report["Hit@1"]);
        Assert.Equal("full", report.Protocol);
    }

    [Fact]
    public void Validation_target_excludes_only_history()
    {
        var report = RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(10), Split, Spec(1), EvaluationTarget.Validation, seed: 1);
        Assert.Equal([2], report.TopLists![0].Items);
        Assert.Equal([1], report.TopLists![1].Items);
        Assert.Equal(1.0, report["Recall@1"]);
        Assert.Equal(2, report.UsersEvaluated);
    }

    [Fact]
    public void Report_keys_are_name_at_k_in_config_order()
    {
        var report = RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(10), Split, Spec(3, 1), EvaluationTarget.Test, seed: 1);
        Assert.Equal(
            ["Recall@1", "Recall@3", "Precision@1", "Precision@3", "NDCG@1", "NDCG@3", "MRR@1", "MRR@3", "MAP@1", "MAP@3", "Hit@1", "Hit@3"],
            report.Metrics.Keys);
    }

    [Fact]
    public void Only_users_with_relevant_items_are_scored()
    {
        var scorer = RecordingScorer.LowIdsFirst(10);
        RankingEvaluator.Evaluate(scorer, Split, Spec(3), EvaluationTarget.Test, seed: 1);
        Assert.Equal([0, 1], scorer.UsersScored);
    }

    [Fact]
    public void Target_items_already_in_history_are_dropped_from_relevant_sets()
    {
        // u0 repeats item 0 in test; u1's only test item repeats its history, so u1 has nothing left to evaluate.
        var split = TestSplits.Build(2, 6, train: [(0, 0), (1, 1)], validation: [], test: [(0, 0), (0, 4), (1, 1)]);
        var report = RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(6), split, Spec(5), EvaluationTarget.Test, seed: 1);
        Assert.Equal(2, report.RelevantPairsExcluded);
        Assert.Equal(1, report.UsersEvaluated);
        Assert.Equal(1, report.UsersSkipped);
        Assert.Equal(1.0, report["Recall@5"]); // {4} is found among [1, 2, 3, 4, 5]
        Assert.Contains(report.Notes, n => n.Contains("left out of the relevant sets", StringComparison.Ordinal));
    }

    [Fact]
    public void Fold_in_rows_are_history_for_held_out_users()
    {
        // u1 is held out of training; its fold-in {0, 1} is shown to the scorer and excluded from its ranking.
        var split = TestSplits.Build(2, 5, train: [(0, 4)], validation: [], test: [(1, 2)], foldIn: [(1, 0), (1, 1)]);
        var scorer = RecordingScorer.LowIdsFirst(5);
        var report = RankingEvaluator.Evaluate(scorer, split, Spec(1), EvaluationTarget.Test, seed: 1);
        Assert.Equal(2, scorer.LastHistory!.RowLength(1));
        Assert.Equal([2], report.TopLists![0].Items);
        Assert.Equal(1.0, report["Hit@1"]);
    }

    [Fact]
    public void No_relevant_users_gives_undefined_means()
    {
        var split = TestSplits.Build(2, 4, train: [(0, 0)], validation: [], test: []);
        var report = RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(4), split, Spec(2), EvaluationTarget.Test, seed: 1);
        Assert.Equal(0, report.UsersEvaluated);
        Assert.Equal(2, report.UsersSkipped);
        Assert.True(double.IsNaN(report["NDCG@2"]));
    }

    [Fact]
    public void Validation_objective_returns_the_named_metric_and_rejects_unknown_keys()
    {
        var objective = RankingEvaluator.ValidationObjective(Split, Spec(1, 3), "Recall@1", seed: 1);
        Assert.Equal(1.0, objective(RecordingScorer.LowIdsFirst(10)));
        Assert.Throws<ArgumentException>(() => RankingEvaluator.ValidationObjective(Split, Spec(1, 3), "NDCG@10", seed: 1));
    }

    [Fact]
    public void A_scorer_for_another_catalog_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(9), Split, Spec(1), EvaluationTarget.Test, seed: 1));

    [Fact]
    public void Classification_metrics_are_left_to_the_ctr_evaluator_with_a_note()
    {
        var spec = new EvaluationSpec { Metrics = ["NDCG", "AUC", "LogLoss"], K = [2] };
        var report = RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(10), Split, spec, EvaluationTarget.Test, seed: 1);
        Assert.Equal(["NDCG@2"], report.Metrics.Keys);
        Assert.Contains(report.Notes, n => n.StartsWith("AUC, LogLoss", StringComparison.Ordinal));
    }

    [Fact]
    public void Progress_is_reported_per_batch_and_cancellation_stops_the_run()
    {
        var progress = new ListProgress();
        var spec = Spec(2);
        spec.BatchSize = 1;
        RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(10), Split, spec, EvaluationTarget.Test, 1, progress);
        Assert.Equal([new EvaluationProgress(1, 2), new EvaluationProgress(2, 2)], progress.Reports);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            RankingEvaluator.Evaluate(RecordingScorer.LowIdsFirst(10), Split, spec, EvaluationTarget.Test, 1, null, cancelled.Token));
    }

    /// <summary>Synchronous, unlike <see cref="Progress{T}"/>, which posts to a thread-pool callback.</summary>
    private sealed class ListProgress : IProgress<EvaluationProgress>
    {
        public List<EvaluationProgress> Reports { get; } = [];

        public void Report(EvaluationProgress value) => Reports.Add(value);
    }
}
