using Chucheon.Configuration;
using Chucheon.Neural.Training;

namespace Chucheon.Neural.Ctr.Options;

/// <summary>CTR training objective.</summary>
public enum CtrLoss
{
    /// <summary>Binary cross-entropy on every labelled example (pointwise; calibrated probabilities).</summary>
    Bce,

    /// <summary>BPR on (click, non-click) pairs from the same batch, sharing the group (user) when the batch has one
    /// (pairwise; optimises ranking, not calibration).</summary>
    Bpr,
}

/// <summary>Options shared by every CTR model (and all of <c>lr</c>, <c>fm</c>, <c>ffm</c>, <c>fwfm</c>): the
/// <see cref="NeuralOptions"/> training keys plus embedding width, embedding regularisation and the loss.</summary>
public class CtrOptions : NeuralOptions
{
    public CtrOptions()
    {
        Epochs = 30;
        BatchSize = 4096;
        Patience = 2;
        EvalBatchSize = 65536;
    }

    /// <summary>Width of each field embedding.</summary>
    public int EmbeddingDim { get; set; } = 16;

    /// <summary>Standard deviation of the embeddings' normal initialisation (FuxiCTR uses 1e-4).</summary>
    public double EmbeddingInitStd { get; set; } = 0.01;

    /// <summary>λ of the embedding regulariser: λ · mean over the batch of Σ‖e‖² over the embeddings each example
    /// looked up (<c>batch</c>), or λ · ‖W‖² of the whole table (<c>table</c>, FuxiCTR's regulariser with λ = its
    /// <c>embedding_regularizer</c> / 2).</summary>
    public double EmbeddingL2 { get; set; }

    /// <summary><c>batch</c>: penalise the embeddings each example used; <c>table</c>: the whole table every step.</summary>
    public Layers.EmbeddingRegularization EmbeddingRegularization { get; set; } = Layers.EmbeddingRegularization.Batch;

    /// <summary>λ of an L2 penalty on the first-order (per-feature) weights, in the <see cref="EmbeddingRegularization"/>
    /// mode; 0 leaves them unpenalised (the default, as before). FuxiCTR's regulariser covers its first-order
    /// table too, so this closes that gap for models with a first-order term; models without one reject it.</summary>
    public double LinearL2 { get; set; }

    public CtrLoss Loss { get; set; } = CtrLoss.Bce;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(EmbeddingDim, 1, "embedding_dim");
        OptionChecks.NonNegative(EmbeddingL2, "embedding_l2");
        OptionChecks.NonNegative(LinearL2, "linear_l2");
        OptionChecks.Positive(EmbeddingInitStd, "embedding_init_std");
    }
}
