namespace Chucheon.Data.Filters;

/// <summary>What to do with repeated (user, item) pairs. "First" and "last" are by time order, ties in time by file order.</summary>
public enum DedupePolicy
{
    /// <summary>Keep every event; repeats count towards k-core thresholds and sum in interaction matrices.</summary>
    None,

    /// <summary>Keep the earliest occurrence (its rating and timestamp), as when the first exposure is what matters.</summary>
    First,

    /// <summary>Keep the latest occurrence, as when a re-rating supersedes the earlier one.</summary>
    Last,
}
