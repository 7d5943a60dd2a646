using Chucheon.Configuration;
using Chucheon.Neural.Training;

namespace Chucheon.Neural.Sequential;

/// <summary>How a sequential model's next-item scores are trained.</summary>
public enum SequenceLoss
{
    /// <summary>Binary cross-entropy: the true next item against <see cref="SequentialOptions.NegativeSamples"/>
    /// uniformly sampled items the user never had, at every position (Kang &amp; McAuley 2018).</summary>
    Bce,

    /// <summary>Full softmax cross-entropy over the catalog at every position.</summary>
    Ce,
}

/// <summary>A data augmentation of an item sequence for contrastive learning (CL4SRec, CoSeRec, DuoRec).</summary>
public enum Augmentation
{
    Crop,
    Mask,
    Reorder,
    Substitute,
    Insert,

    /// <summary>Another training history that was followed by the same next item (<see cref="SameTargetPositives"/>);
    /// needs a model that predicts the next item from a history (not <c>bert4rec</c>).</summary>
    SameTarget,
}

/// <summary>Options shared by every sequential model (<c>sasrec</c>, <c>gru4rec</c>, <c>bert4rec</c>,
/// <c>nextitnet</c> and the contrastive aliases). Each alias has a subclass with its own defaults and
/// encoder-specific keys.</summary>
public abstract class SequentialOptions : NeuralOptions
{
    protected SequentialOptions()
    {
        Epochs = 200;
        BatchSize = 256;
        Patience = 10;
        EvalBatchSize = 1024;
    }

    /// <summary>Most recent items the model reads; older ones are dropped, shorter histories are left-padded.</summary>
    public int MaxLength { get; set; } = 50;

    /// <summary>Width of item and position embeddings and of every hidden layer.</summary>
    public int HiddenDim { get; set; } = 64;

    public double Dropout { get; set; } = 0.5;

    public SequenceLoss Loss { get; set; } = SequenceLoss.Bce;

    /// <summary>Negatives per position for <see cref="SequenceLoss.Bce"/>.</summary>
    public int NegativeSamples { get; set; } = 1;

    /// <summary>Categorical or multi-categorical item feature columns whose embeddings are averaged and added to the
    /// input item embedding (<c>sasrec</c>-family and <c>gru4rec</c>). Empty: ids only.</summary>
    public string[] ItemFeatures { get; set; } = [];

    /// <summary>Whether the encoder accepts <see cref="ItemFeatures"/>.</summary>
    protected virtual bool SupportsItemFeatures => false;

    /// <summary>Group training batches by sequence length so each batch pads to a similar width (see
    /// <c>LengthBuckets</c>); off gives plain shuffled batches.</summary>
    public bool BucketByLength { get; set; } = true;

    /// <summary>What a batch's summed per-position loss is divided by: its own position count (<c>batch</c>, default)
    /// or one constant for the whole fit (<c>uniform</c>, every position weighs the same; see
    /// <see cref="Sequential.LossNormalization"/>).</summary>
    public LossNormalization LossNormalization { get; set; } = LossNormalization.Batch;

    /// <summary>Contrastive augmentations; two views of each sequence are drawn from this list (one augmentation per
    /// view, chosen at random) and pulled together with InfoNCE. Empty: no contrastive term.</summary>
    public Augmentation[] Augmentations { get; set; } = [];

    /// <summary>Hierarchical contrastive learning: instead of one random augmentation per view, level k applies the
    /// first k augmentations of the list cumulatively (crop, then crop+mask, ...), with an InfoNCE term per level.</summary>
    public bool Hierarchical { get; set; }

    /// <summary>Hierarchical mode only: each row of a batch joins one level (round-robin) instead of all of them, so
    /// the contrastive pass encodes one view per row, as CL4SRec does, however many levels the stack has.</summary>
    public bool SplitLevels { get; set; }

    /// <summary>Use the supervised pass's own un-augmented representation as the first view of each pair and encode
    /// only one augmented view: one extra encoder pass per batch instead of two (not for <c>bert4rec</c>).</summary>
    public bool OriginalView { get; set; }

    /// <summary>Weight of the contrastive term (CL4SRec's λ).</summary>
    public double ContrastiveWeight { get; set; } = 0.1;

    /// <summary>What InfoNCE compares: the newest position's state (default), the mean over positions, or the
    /// flattened whole output sequence.</summary>
    public ContrastiveRepresentation ContrastiveRepresentation { get; set; } = ContrastiveRepresentation.Last;

    /// <summary>Cosine (default, as the public CoSeRec code) or raw dot-product similarity inside InfoNCE.</summary>
    public ContrastiveSimilarity ContrastiveSimilarity { get; set; } = ContrastiveSimilarity.Cosine;

    /// <summary>InfoNCE softmax temperature.</summary>
    public double Temperature { get; set; } = 1.0;

    /// <summary>Crop keeps this fraction of the sequence (a contiguous window).</summary>
    public double CropRatio { get; set; } = 0.6;

    /// <summary>Mask replaces this fraction of the items with the mask token.</summary>
    public double MaskRatio { get; set; } = 0.3;

    /// <summary>Contrastive views encode a masked item as padding (hidden from attention, as the public CL4SRec /
    /// CoSeRec code does with item id 0) instead of the learned mask token.</summary>
    public bool MaskAsPadding { get; set; }

    /// <summary>Reorder shuffles a contiguous window of this fraction of the sequence.</summary>
    public double ReorderRatio { get; set; } = 0.6;

    /// <summary>Substitute replaces this fraction of the items with a correlated item.</summary>
    public double SubstituteRatio { get; set; } = 0.2;

    /// <summary>Insert adds a correlated item next to this fraction of the items.</summary>
    public double InsertRatio { get; set; } = 0.3;

    /// <summary>Bidirectional co-occurrence window (in positions) for the item correlation used by substitute and insert.</summary>
    public int CorrelationWindow { get; set; } = 3;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(MaxLength, 2, "max_length");
        OptionChecks.AtLeast(HiddenDim, 1, "hidden_dim");
        OptionChecks.InRange(Dropout, 0, 0.99, "dropout");
        OptionChecks.AtLeast(NegativeSamples, 1, "negative_samples");
        OptionChecks.NonNegative(ContrastiveWeight, "contrastive_weight");
        OptionChecks.Positive(Temperature, "temperature");
        OptionChecks.InRange(CropRatio, 0.01, 1, "crop_ratio");
        OptionChecks.InRange(MaskRatio, 0, 1, "mask_ratio");
        OptionChecks.InRange(ReorderRatio, 0, 1, "reorder_ratio");
        OptionChecks.InRange(SubstituteRatio, 0, 1, "substitute_ratio");
        OptionChecks.InRange(InsertRatio, 0, 1, "insert_ratio");
        OptionChecks.AtLeast(CorrelationWindow, 1, "correlation_window");
        if (ItemFeatures.Length > 0 && !SupportsItemFeatures)
        {
            throw new OptionsException("item_features", "is supported by sasrec, its contrastive variants and gru4rec only.");
        }

        if (Augmentations.Distinct().Count() != Augmentations.Length)
        {
            throw new OptionsException("augmentations", "lists an augmentation twice.");
        }

        if (Augmentations.Contains(Augmentation.SameTarget) && this is Bert4RecOptions)
        {
            throw new OptionsException("augmentations", "same_target needs a next-item model; bert4rec's cloze task has no single target per history.");
        }

        if (Hierarchical && Augmentations.Length == 0)
        {
            throw new OptionsException("hierarchical", "needs a non-empty 'augmentations' list to stack.");
        }

        if (SplitLevels && !Hierarchical)
        {
            throw new OptionsException("split_levels", "only applies to hierarchical contrastive learning (hierarchical: true or hierarchical-cl).");
        }
    }
}
