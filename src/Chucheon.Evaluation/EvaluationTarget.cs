namespace Chucheon.Evaluation;

/// <summary>Which held-out part of a <see cref="Chucheon.Data.DataSplit"/> is evaluated.</summary>
public enum EvaluationTarget
{
    /// <summary>The validation interactions (model selection, early stopping).</summary>
    Validation,

    /// <summary>The test interactions (reported results). Validation items are excluded from the ranking as known positives.</summary>
    Test,
}
