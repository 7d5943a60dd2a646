namespace Chucheon.Evaluation;

/// <summary>Which relevant items count as hits when a ranked list is scored: all of them, or only those of one item
/// segment (see <see cref="SegmentNames"/>).</summary>
internal enum RelevanceView
{
    All = 0,
    Head = 1,
    Tail = 2,
}
