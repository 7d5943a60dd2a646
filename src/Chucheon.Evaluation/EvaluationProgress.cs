namespace Chucheon.Evaluation;

/// <summary>Evaluation progress, reported once per scored batch.</summary>
/// <param name="UsersDone">Evaluated users whose rows have been scored and reduced so far.</param>
/// <param name="UsersTotal">Users that will be evaluated in all (users with at least one relevant item).</param>
public readonly record struct EvaluationProgress(int UsersDone, int UsersTotal);
