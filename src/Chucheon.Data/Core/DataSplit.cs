namespace Chucheon.Data;

/// <summary>A train / validation / test division of one dataset; all parts share the dataset's id maps.</summary>
/// <param name="Train">What models fit on.</param>
/// <param name="Validation">Held-out interactions for model selection and early stopping (may be empty).</param>
/// <param name="Test">Held-out interactions to report.</param>
/// <param name="FoldIn">For held-out-user splits only: the part of each held-out user's history that is shown to the
/// model at evaluation time (the rest is in Validation/Test). Null for other splits.</param>
/// <param name="Method">The split method name, as written in configs and run records.</param>
public sealed record DataSplit(InteractionDataset Train, InteractionLog Validation, InteractionLog Test, InteractionLog? FoldIn, string Method)
{
    public int UserCount => Train.UserCount;

    public int ItemCount => Train.ItemCount;

    /// <summary>What the model sees of each user when it is evaluated: the training rows, plus the fold-in rows of held-out users.</summary>
    public CsrMatrix EvaluationHistory =>
        FoldIn is null ? Train.UserItems : InteractionLog.Concat(Train.Log, FoldIn).ToUserItemMatrix(UserCount, ItemCount);
}
