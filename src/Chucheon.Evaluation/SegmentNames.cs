namespace Chucheon.Evaluation;

/// <summary>Keys of <see cref="EvaluationReport.Segments"/>.</summary>
/// <remarks>
/// User segments average the usual metrics over a subset of users. Item segments keep every user's full ranking but
/// count only relevant items of the segment: an item outside it is treated as not relevant, and users without a
/// relevant item in the segment are left out. That answers "how well are tail items retrieved for the users who
/// wanted them", which a tail-only re-ranking would not.
/// </remarks>
public static class SegmentNames
{
    /// <summary>Users whose scoring history has at most <see cref="EvaluationSpec.ColdUserMaxItems"/> items.</summary>
    public const string ColdUsers = "cold_users";

    /// <summary>The other evaluated users.</summary>
    public const string WarmUsers = "warm_users";

    /// <summary>The <see cref="EvaluationSpec.HeadItemFraction"/> most popular items by training interactions.</summary>
    public const string HeadItems = "head_items";

    /// <summary>The remaining items.</summary>
    public const string TailItems = "tail_items";
}
