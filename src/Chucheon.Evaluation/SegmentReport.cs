namespace Chucheon.Evaluation;

/// <summary>Metrics restricted to one user or item segment.</summary>
/// <param name="Name">One of <see cref="SegmentNames"/>.</param>
/// <param name="Users">Users averaged over: the segment's evaluated users, or for an item segment the evaluated users
/// with at least one relevant item in it.</param>
/// <param name="Items">Catalog items the segment covers (the whole catalog for user segments).</param>
/// <param name="Metrics">Same keys as the overall report; NaN when <paramref name="Users"/> is 0.</param>
public sealed record SegmentReport(string Name, int Users, int Items, IReadOnlyDictionary<string, double> Metrics);
