namespace Chucheon.Evaluation;

/// <summary>The outcome of one ranking evaluation. Metric values are means over evaluated users, keyed
/// <c>Name@K</c> ("Recall@10", "NDCG@20") with the canonical names of <see cref="MetricCatalog"/>.</summary>
public sealed class EvaluationReport
{
    /// <summary>"full", or "sampled-N" for N sampled negatives per user. Values from different protocols are not
    /// comparable; anything that stores or prints metrics should carry this label alongside them.</summary>
    public required string Protocol { get; init; }

    public required EvaluationTarget Target { get; init; }

    /// <summary>The seed that drove negative sampling (recorded for every protocol, used only by sampled mode).</summary>
    public required int Seed { get; init; }

    /// <summary>Metric values over all evaluated users, in config order, each at ascending K. NaN when no user was evaluated.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Users with at least one relevant item in the target part.</summary>
    public required int UsersEvaluated { get; init; }

    /// <summary>Users of the split that were not evaluated because they have no relevant item in the target part.</summary>
    public required int UsersSkipped { get; init; }

    /// <summary>Target (user, item) pairs left out of relevant sets because the item was already in the user's history
    /// (or, for Test, validation items): such items are excluded from the ranking and could never be hit.</summary>
    public required int RelevantPairsExcluded { get; init; }

    /// <summary>Per-segment results keyed by <see cref="SegmentNames"/>; empty unless segments were requested.</summary>
    public required IReadOnlyDictionary<string, SegmentReport> Segments { get; init; }

    /// <summary>Each evaluated user's top-max(K) list, in user order; null unless <see cref="EvaluationSpec.KeepTopLists"/>.</summary>
    public IReadOnlyList<RankedList>? TopLists { get; init; }

    /// <summary>Caveats a reader should see next to the numbers (sampled protocol, metrics left to another evaluator).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public double this[string key] => Metrics.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"No metric '{key}' in this report. Present: {string.Join(", ", Metrics.Keys)}.");

    public override string ToString() =>
        $"{Target} ({Protocol}, {UsersEvaluated} users): " +
        string.Join(", ", Metrics.Select(m => FormattableString.Invariant($"{m.Key}={m.Value:F4}")));
}
