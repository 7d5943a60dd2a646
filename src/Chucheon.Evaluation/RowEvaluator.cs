namespace Chucheon.Evaluation;

/// <summary>Turns one user's score row into a ranked top list and that list's per-user metric values. Reads only
/// shared immutable state and writes only its own workspace row, so rows of a batch run in parallel.</summary>
internal sealed class RowEvaluator
{
    private readonly EvaluationProtocol _protocol;
    private readonly MetricLayout _layout;
    private readonly ItemPopularity? _popularity;
    private readonly EvaluationMode _mode;
    private readonly int _negativeSamples;
    private readonly int _seed;
    private readonly int _itemCount;

    public RowEvaluator(EvaluationProtocol protocol, MetricLayout layout, ItemPopularity? popularity, bool segments,
        EvaluationSpec spec, int itemCount, int seed)
    {
        _protocol = protocol;
        _layout = layout;
        _popularity = popularity;
        _mode = spec.Mode;
        _negativeSamples = spec.NegativeSamples;
        _seed = seed;
        _itemCount = itemCount;
        Views = segments ? [RelevanceView.All, RelevanceView.Head, RelevanceView.Tail] : [RelevanceView.All];
        if (segments && popularity is null) { throw new ArgumentNullException(nameof(popularity), "Item segments need item popularity."); }
    }

    public RelevanceView[] Views { get; }

    public void Evaluate(int row, int user, BatchWorkspace workspace)
    {
        var count = _mode == EvaluationMode.Full ? RankAll(row, user, workspace) : RankSampled(row, user, workspace);
        workspace.SetTopCount(row, count);

        var top = workspace.TopItems(row);
        var relevant = _protocol.Relevant.RowIndices(user);
        foreach (var view in Views)
        {
            var hits = workspace.Hits(row, view);
            for (var i = 0; i < top.Length; i++)
            {
                hits[i] = InView(top[i], view) && relevant.BinarySearch(top[i]) >= 0;
            }

            var relevantInView = 0;
            foreach (var item in relevant)
            {
                if (InView(item, view)) { relevantInView++; }
            }

            workspace.RelevantCount(row, view) = relevantInView;
            _layout.WriteRanking(hits, relevantInView, workspace.Values(row, view));
        }

        if (_layout.AveragePopularity)
        {
            _layout.WritePopularity(top, _popularity!.Counts, workspace.Values(row, RelevanceView.All));
        }
    }

    /// <summary>Full ranking: every item that is not excluded competes.</summary>
    private int RankAll(int row, int user, BatchWorkspace workspace)
    {
        var scores = workspace.ScoreRow(row);
        _protocol.MaskExcluded(user, scores);
        return TopK.Select(scores, _layout.MaxK, workspace.TopItemsBuffer(row), workspace.TopScoresBuffer(row));
    }

    /// <summary>Sampled ranking: the user's relevant items compete only with negatives drawn for this user. Candidates
    /// are kept in item order so that <see cref="TopK"/>'s lower-position tie-break is still the lower item id.</summary>
    private int RankSampled(int row, int user, BatchWorkspace workspace)
    {
        var unavailable = new int[_protocol.UnavailableBound(user)];
        var unavailableCount = _protocol.WriteUnavailable(user, unavailable);
        var negatives = new int[_negativeSamples];
        var random = SplitMix64.ForStream(_seed, user);
        var negativeCount = NegativeSampler.Sample(ref random, _itemCount, unavailable.AsSpan(0, unavailableCount), _negativeSamples, negatives);

        var relevant = _protocol.Relevant.RowIndices(user);
        var candidates = new int[relevant.Length + negativeCount];
        relevant.CopyTo(candidates);
        negatives.AsSpan(0, negativeCount).CopyTo(candidates.AsSpan(relevant.Length));
        Array.Sort(candidates);

        var scores = workspace.ScoreRow(row);
        var candidateScores = new float[candidates.Length];
        for (var i = 0; i < candidates.Length; i++) { candidateScores[i] = scores[candidates[i]]; }

        var top = workspace.TopItemsBuffer(row);
        var count = TopK.Select(candidateScores, _layout.MaxK, top, workspace.TopScoresBuffer(row));
        for (var i = 0; i < count; i++) { top[i] = candidates[top[i]]; }
        return count;
    }

    private bool InView(int item, RelevanceView view) => view switch
    {
        RelevanceView.Head => _popularity!.IsHead[item],
        RelevanceView.Tail => !_popularity!.IsHead[item],
        _ => true,
    };
}
