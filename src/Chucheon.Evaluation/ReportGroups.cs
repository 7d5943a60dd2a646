namespace Chucheon.Evaluation;

/// <summary>The user groups a report averages over: everyone, and when segments are on the cold / warm users and the
/// users with relevant head / tail items.</summary>
internal sealed class ReportGroups
{
    private readonly MetricLayout _layout;
    private readonly SegmentAccumulator _overall;
    private readonly SegmentAccumulator? _cold;
    private readonly SegmentAccumulator? _warm;
    private readonly SegmentAccumulator? _head;
    private readonly SegmentAccumulator? _tail;
    private readonly int _itemCount;

    public ReportGroups(MetricLayout layout, int itemCount, bool segments)
    {
        _layout = layout;
        _itemCount = itemCount;
        _overall = new SegmentAccumulator(layout.ValuesPerUser, itemCount, layout.Coverage);
        if (segments)
        {
            _cold = new SegmentAccumulator(layout.ValuesPerUser, itemCount, layout.Coverage);
            _warm = new SegmentAccumulator(layout.ValuesPerUser, itemCount, layout.Coverage);
            _head = new SegmentAccumulator(layout.ValuesPerUser, itemCount, trackCoverage: false);
            _tail = new SegmentAccumulator(layout.ValuesPerUser, itemCount, trackCoverage: false);
        }
    }

    /// <summary>Adds one evaluated row; must be called in user order for reproducible sums.</summary>
    public void Add(BatchWorkspace workspace, int row, bool coldUser)
    {
        var top = workspace.TopItems(row);
        _overall.Add(workspace.Values(row, RelevanceView.All));
        _overall.Observe(top);
        if (_cold is null) { return; }

        var userGroup = coldUser ? _cold : _warm!;
        userGroup.Add(workspace.Values(row, RelevanceView.All));
        userGroup.Observe(top);
        if (workspace.RelevantCount(row, RelevanceView.Head) > 0) { _head!.Add(workspace.Values(row, RelevanceView.Head)); }
        if (workspace.RelevantCount(row, RelevanceView.Tail) > 0) { _tail!.Add(workspace.Values(row, RelevanceView.Tail)); }
    }

    public Dictionary<string, double> OverallMetrics() =>
        _layout.Summarize(_overall, k => _overall.CoveredFraction(k), includePopularity: true);

    /// <summary>Item segments take coverage over their own items from everyone's lists, and leave out average
    /// popularity, which is a property of whole lists rather than of the segment's hits.</summary>
    public Dictionary<string, SegmentReport> SegmentReports(ItemPopularity popularity)
    {
        var cold = _cold!;
        var warm = _warm!;
        return new Dictionary<string, SegmentReport>(StringComparer.Ordinal)
        {
            [SegmentNames.ColdUsers] = new(SegmentNames.ColdUsers, cold.Users, _itemCount,
                _layout.Summarize(cold, k => cold.CoveredFraction(k), includePopularity: true)),
            [SegmentNames.WarmUsers] = new(SegmentNames.WarmUsers, warm.Users, _itemCount,
                _layout.Summarize(warm, k => warm.CoveredFraction(k), includePopularity: true)),
            [SegmentNames.HeadItems] = new(SegmentNames.HeadItems, _head!.Users, popularity.HeadCount,
                _layout.Summarize(_head, k => _overall.CoveredFraction(k, popularity.IsHead, wanted: true), includePopularity: false)),
            [SegmentNames.TailItems] = new(SegmentNames.TailItems, _tail!.Users, popularity.TailCount,
                _layout.Summarize(_tail, k => _overall.CoveredFraction(k, popularity.IsHead, wanted: false), includePopularity: false)),
        };
    }
}
