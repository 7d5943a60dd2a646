using Chucheon.Data;

namespace Chucheon.Evaluation;

/// <summary>Top-K ranking evaluation of a scorer on a split's validation or test part (protocol in docs/metrics.md).</summary>
/// <remarks>
/// Users are scored <see cref="EvaluationSpec.BatchSize"/> at a time into one reused buffer, and each row is reduced
/// to its top max(K) before the next batch, so memory is batch × items, never users × items. Rows of a batch are
/// reduced in parallel; their metric values are then summed in user order on one thread, which makes results
/// identical for any batch size and thread count.
/// </remarks>
public static class RankingEvaluator
{
    /// <summary>Cap on the score buffer; <see cref="EvaluationSpec.BatchSize"/> is lowered to fit huge catalogs.</summary>
    public const long MaxScoreBufferBytes = 256L << 20;

    /// <summary>Evaluates <paramref name="scorer"/> on <paramref name="split"/>'s <paramref name="target"/> part.</summary>
    /// <param name="seed">Drives negative sampling in sampled mode (results are deterministic for a given seed).</param>
    /// <param name="progress">Told after every batch.</param>
    public static EvaluationReport Evaluate(IItemScorer scorer, DataSplit split, EvaluationSpec spec, EvaluationTarget target,
        int seed, IProgress<EvaluationProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var itemCount = split.ItemCount;
        if (scorer.ItemCount != itemCount)
        {
            throw new ArgumentException($"The scorer knows {scorer.ItemCount} items but the split has {itemCount}.", nameof(scorer));
        }

        var protocol = EvaluationProtocol.Create(split, target);
        var layout = new MetricLayout(spec);
        var popularity = spec.Segments || layout.AveragePopularity
            ? ItemPopularity.FromTraining(split.Train.Log, itemCount, spec.HeadItemFraction)
            : null;
        var rows = new RowEvaluator(protocol, layout, popularity, spec.Segments, spec, itemCount, seed);
        var users = protocol.Users;
        var batchSize = EffectiveBatchSize(spec.BatchSize, itemCount, users.Length);
        var workspace = new BatchWorkspace(batchSize, itemCount, layout.MaxK, rows.Views.Length, layout.ValuesPerUser);

        var groups = new ReportGroups(layout, itemCount, spec.Segments);
        var topLists = spec.KeepTopLists ? new RankedList[users.Length] : null;
        var parallel = new ParallelOptions { CancellationToken = ct };
        var sequenceScorer = scorer as ISequenceScorer;
        var sequences = sequenceScorer is null ? null : ScoringSequences(split, target);
        for (var start = 0; start < users.Length; start += batchSize)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, users.Length - start);
            if (sequenceScorer is not null)
            {
                sequenceScorer.ScoreSequences(users.AsSpan(start, count), sequences!, workspace.ScoreBlock(count));
            }
            else
            {
                scorer.Score(users.AsSpan(start, count), protocol.History, workspace.ScoreBlock(count));
            }

            var batchStart = start;
            Parallel.For(0, count, parallel, row => rows.Evaluate(row, users[batchStart + row], workspace));

            for (var row = 0; row < count; row++)
            {
                var user = users[start + row];
                var cold = protocol.History.RowLength(user) <= spec.ColdUserMaxItems;
                groups.Add(workspace, row, cold);
                if (topLists is not null)
                {
                    topLists[start + row] = new RankedList(user, workspace.TopItems(row).ToArray(), workspace.TopScores(row).ToArray());
                }
            }

            progress?.Report(new EvaluationProgress(start + count, users.Length));
        }

        return new EvaluationReport
        {
            Protocol = spec.Mode == EvaluationMode.Full ? "full" : FormattableString.Invariant($"sampled-{spec.NegativeSamples}"),
            Target = target,
            Seed = seed,
            Metrics = groups.OverallMetrics(),
            UsersEvaluated = users.Length,
            UsersSkipped = split.UserCount - users.Length,
            RelevantPairsExcluded = protocol.RelevantPairsExcluded,
            Segments = spec.Segments ? groups.SegmentReports(popularity!) : new Dictionary<string, SegmentReport>(),
            TopLists = topLists,
            Notes = Notes(spec, layout, protocol),
        };
    }

    /// <summary>One metric of a validation evaluation, as a function of the scorer: the shape of an early-stopping
    /// callback (<c>FitContext.Validate</c>). The key ("NDCG@10") is checked against the spec now rather than after the
    /// first epoch.</summary>
    public static Func<IItemScorer, double> ValidationObjective(DataSplit split, EvaluationSpec spec, string metricKey, int seed)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var layout = new MetricLayout(spec);
        var produced = layout.ReportKeys();
        if (!produced.Contains(metricKey))
        {
            throw new ArgumentException($"'{metricKey}' is not produced by this evaluation spec. Available: {string.Join(", ", produced)}.", nameof(metricKey));
        }

        return scorer => Evaluate(scorer, split, spec, EvaluationTarget.Validation, seed)[metricKey];
    }

    /// <summary>Every interaction known before the target, per user in time order: training (plus fold-in) rows, and
    /// for the test target also the validation rows, which come later in time under leave-one-out and temporal splits.</summary>
    public static int[][] ScoringSequences(DataSplit split, EvaluationTarget target)
    {
        ArgumentNullException.ThrowIfNull(split);
        var parts = new List<InteractionLog> { split.Train.Log };
        if (split.FoldIn is not null) { parts.Add(split.FoldIn); }
        if (target == EvaluationTarget.Test && split.Validation.Count > 0) { parts.Add(split.Validation); }
        var log = parts.Count == 1 ? split.Train.Log : InteractionLog.Concat([.. parts]);
        return split.Train.WithLog(log).UserSequences();
    }

    private static int EffectiveBatchSize(int requested, int itemCount, int users)
    {
        var fitsInBuffer = (int)Math.Max(1, MaxScoreBufferBytes / Math.Max(1L, itemCount * (long)sizeof(float)));
        return Math.Max(1, Math.Min(Math.Min(requested, fitsInBuffer), users));
    }

    private static string[] Notes(EvaluationSpec spec, MetricLayout layout, EvaluationProtocol protocol)
    {
        var notes = new List<string>();
        if (spec.Mode == EvaluationMode.Sampled)
        {
            notes.Add(FormattableString.Invariant(
                $"Sampled protocol: each user's relevant items were ranked among {spec.NegativeSamples} sampled negatives, not the full catalog. ") +
                "Values are not comparable with full-ranking results and can order models differently (Krichene & Rendle, 2020).");
            if (layout.Metrics.Any(m => m.Kind == MetricKind.BeyondAccuracy))
            {
                notes.Add("Coverage and AveragePopularity describe full-catalog top lists and are not computed in sampled mode.");
            }
        }

        var classification = layout.Metrics.Where(m => m.Kind == MetricKind.Classification).Select(m => m.Name).ToArray();
        if (classification.Length > 0)
        {
            notes.Add($"{string.Join(", ", classification)}: classification metrics, computed from impressions by the CTR evaluator, not here.");
        }

        if (protocol.RelevantPairsExcluded > 0)
        {
            notes.Add(FormattableString.Invariant(
                $"{protocol.RelevantPairsExcluded} target interactions repeat an item the user already had (history or validation); ") +
                "those items are excluded from ranking and were left out of the relevant sets.");
        }

        return [.. notes];
    }
}
