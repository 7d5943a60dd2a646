namespace Chucheon.Evaluation;

/// <summary>How candidates are chosen for ranking evaluation.</summary>
public enum EvaluationMode
{
    /// <summary>Rank every catalog item that is not excluded (the protocol results should be reported with).</summary>
    Full,

    /// <summary>Rank each user's relevant items among a fixed number of randomly sampled negatives. Cheaper, but it can
    /// reorder models relative to full ranking (Krichene &amp; Rendle, 2020); its results carry a "sampled" protocol label.</summary>
    Sampled,
}
