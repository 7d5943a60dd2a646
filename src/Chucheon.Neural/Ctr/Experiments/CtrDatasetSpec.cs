using Chucheon.Configuration;

namespace Chucheon.Neural.Ctr.Experiments;

/// <summary>The <c>dataset</c> section of a CTR config (snake_case keys). All files are merged, then split into
/// train / validation / test rows by <c>train_fraction</c> and <c>validation_fraction</c> with the run seed.</summary>
public sealed class CtrDatasetSpec : IValidatedOptions
{
    public CtrDataFormat Format { get; set; } = CtrDataFormat.LibFm;

    /// <summary>Data files (libfm, csv), relative to the config file.</summary>
    public string[] Files { get; set; } = [];

    /// <summary>Dataset folder (movielens-100k), relative to the config file.</summary>
    public string? Path { get; set; }

    /// <summary>libFM field map preset; only <c>frappe</c> is built in.</summary>
    public string Fields { get; set; } = "frappe";

    /// <summary>csv: <c>criteo</c> for <c>label,I1..I13,C1..C26</c>, or empty to use the field lists below.</summary>
    public string? Schema { get; set; }

    public string[] CategoricalFields { get; set; } = [];

    public string[] NumericFields { get; set; } = [];

    public string[] MultiFields { get; set; } = [];

    public string LabelColumn { get; set; } = "label";

    /// <summary>Tokens seen fewer times than this in the training rows share the OOV bucket.</summary>
    public int MinCount { get; set; } = 1;

    public double TrainFraction { get; set; } = 0.8;

    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Learning-curve probe: keep only this leading fraction of the training part. Its rows are already in
    /// random order, so the kept rows are a random subset and each smaller fraction's rows are a subset of a larger
    /// one's, while the validation and test parts stay exactly the same (unlike a smaller <c>train_fraction</c>,
    /// which also moves them), so validation AUC is comparable across fractions. 1 keeps every training row.</summary>
    public double TrainSubsample { get; set; } = 1;

    /// <summary>Validation-only protocol check: score the validation part as the test part, hold out the last
    /// (validation-size) training rows as the validation part, and never read the test rows (see
    /// <see cref="CtrData.WithValidationAsTest"/>).</summary>
    public bool ValidationAsTest { get; set; }

    /// <summary>movielens-100k: a rating of at least this is a click.</summary>
    public double ClickMinRating { get; set; } = 4;

    /// <summary>movielens-100k: sampled unseen items per click.</summary>
    public int NegativesPerClick { get; set; } = 4;

    /// <summary>movielens-100k: ratings below <c>click_min_rating</c> become non-clicks.</summary>
    public bool LowRatingsAsNegatives { get; set; } = true;

    public void Validate()
    {
        OptionChecks.AtLeast(MinCount, 1, "min_count");
        OptionChecks.InRange(TrainFraction, 0.01, 0.98, "train_fraction");
        OptionChecks.InRange(ValidationFraction, 0, 0.98 - TrainFraction, "validation_fraction");
        OptionChecks.InRange(TrainSubsample, 0.01, 1, "train_subsample");
        OptionChecks.AtLeast(NegativesPerClick, 0, "negatives_per_click");
        if (Format is CtrDataFormat.LibFm or CtrDataFormat.Csv && Files.Length == 0) { throw new OptionsException("files", "list at least one data file."); }
        if (Format == CtrDataFormat.MovieLens100K && string.IsNullOrEmpty(Path)) { throw new OptionsException("path", "the MovieLens folder is required."); }
        if (Format == CtrDataFormat.LibFm && !Fields.Equals("frappe", StringComparison.OrdinalIgnoreCase)) { throw new OptionsException("fields", $"'{Fields}' is not a known field map (frappe)."); }
    }
}
