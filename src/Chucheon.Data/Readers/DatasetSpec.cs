using Chucheon.Configuration;
using Chucheon.Data.Synthetic;

namespace Chucheon.Data.Readers;

/// <summary>The <c>dataset:</c> section of a config: which format to read from where, the column mapping for CSV /
/// Parquet / atomic files, the bad-line, duplicate and rating-range policies, and the synthetic generator's knobs.
/// Bound by <see cref="OptionsBinder"/> (snake_case keys, unknown keys rejected).</summary>
/// <example>
/// <code>
/// dataset:
///   format: csv
///   path: data/events.csv        # relative to the config file
///   user_column: customer
///   item_column: 2               # by 0-based index
///   timestamp_column: ts
///   bad_lines: skip
///   duplicates: last
/// </code>
/// </example>
public sealed class DatasetSpec : IValidatedOptions
{
    /// <summary>One of <see cref="DatasetFormats.All"/>.</summary>
    public string Format { get; set; } = "";

    /// <summary>File or folder; relative paths resolve against the config's directory. Not used by <c>synthetic</c>.</summary>
    /// <remarks>Folders: movielens-100k, movielens-1m, movielens-latest, atomic (or the <c>.inter</c> file itself).
    /// Files: user-item-lists, csv, parquet.</remarks>
    public string? Path { get; set; }

    /// <summary>Dataset name in reports; defaults to the folder or file name. For atomic files, the file base name.</summary>
    public string? Name { get; set; }

    /// <summary>csv: field separator; also "tab", "comma", "semicolon", "pipe", "space" or "\t". Default ",".</summary>
    public string? Separator { get; set; }

    /// <summary>csv: whether the first line names the columns. Default true.</summary>
    public bool? HasHeader { get; set; }

    /// <summary>csv: whether fields may be double-quoted (RFC 4180). Default: true for one-character separators, which
    /// quoting needs.</summary>
    public bool? Quoted { get; set; }

    /// <summary>csv: text encoding, e.g. "utf-8" (default) or "latin1".</summary>
    public string? Encoding { get; set; }

    /// <summary>csv / parquet / atomic: the user column, by header name or 0-based index.</summary>
    public string? UserColumn { get; set; }

    public string? ItemColumn { get; set; }

    public string? RatingColumn { get; set; }

    public string? TimestampColumn { get; set; }

    public string? EventColumn { get; set; }

    public BadLinePolicy BadLines { get; set; } = BadLinePolicy.Fail;

    /// <summary>Repeated (user, item) pairs: keep all (default), or keep the first, last or highest-rated row.</summary>
    public DuplicatePolicy Duplicates { get; set; } = DuplicatePolicy.Keep;

    /// <summary>Ratings below this are bad lines (an error, or skipped under <c>bad_lines: skip</c>).</summary>
    public float? MinRatingValue { get; set; }

    public float? MaxRatingValue { get; set; }

    /// <summary>Give ids to items (users) found only in catalog (user) files, not in interactions. Default true.</summary>
    public bool IncludeCatalogOnly { get; set; } = true;

    /// <summary>synthetic: the generator's knobs; unset ones take the <see cref="SyntheticOptions"/> defaults.</summary>
    public int? Seed { get; set; }

    public int? Users { get; set; }

    public int? Items { get; set; }

    public double? InteractionsPerUser { get; set; }

    public int? MinInteractionsPerUser { get; set; }

    public int? LatentDimensions { get; set; }

    public double? PopularityExponent { get; set; }

    public double? ActivitySpread { get; set; }

    public double? PreferenceStrength { get; set; }

    /// <summary>The format in canonical (lower-case) spelling.</summary>
    public string NormalizedFormat => Format.Trim().ToLowerInvariant();

    /// <summary>Binds a parsed <c>dataset:</c> section.</summary>
    public static DatasetSpec Bind(IReadOnlyDictionary<string, object?> section, string path = "dataset") =>
        OptionsBinder.Bind<DatasetSpec>(section, path);

    public void Validate()
    {
        var format = NormalizedFormat;
        if (format.Length == 0)
        {
            throw new OptionsException("format", $"is required. Known formats: {string.Join(", ", DatasetFormats.All)}.");
        }

        if (!DatasetFormats.All.Contains(format))
        {
            throw new OptionsException("format", $"unknown format '{Format}'. Known formats: {string.Join(", ", DatasetFormats.All)}.");
        }

        if (format == DatasetFormats.Synthetic)
        {
            ToSyntheticOptions().Validate();
        }
        else if (string.IsNullOrWhiteSpace(Path))
        {
            throw new OptionsException("path", $"is required for format '{format}'.");
        }

        RejectUnless(format != DatasetFormats.Synthetic, "other than synthetic", ("path", Path));
        RejectUnless(format == DatasetFormats.Synthetic, "synthetic",
            ("seed", Seed), ("users", Users), ("items", Items), ("interactions_per_user", InteractionsPerUser),
            ("min_interactions_per_user", MinInteractionsPerUser), ("latent_dimensions", LatentDimensions),
            ("popularity_exponent", PopularityExponent), ("activity_spread", ActivitySpread), ("preference_strength", PreferenceStrength));
        RejectUnless(DatasetFormats.WithColumnMapping.Contains(format), "csv, parquet, atomic",
            ("user_column", UserColumn), ("item_column", ItemColumn), ("rating_column", RatingColumn),
            ("timestamp_column", TimestampColumn), ("event_column", EventColumn));
        RejectUnless(format == DatasetFormats.Csv, "csv",
            ("separator", Separator), ("has_header", HasHeader), ("quoted", Quoted), ("encoding", Encoding));

        if (Separator is not null && ResolvedSeparator.Length == 0)
        {
            throw new OptionsException("separator", "must not be empty.");
        }

        if (Quoted == true && ResolvedSeparator.Length != 1)
        {
            throw new OptionsException("quoted", $"quoting needs a one-character separator (got '{ResolvedSeparator}'); set quoted: false.");
        }

        if (Encoding is not null)
        {
            try
            {
                _ = Readers.Text.TextFile.ByName(Encoding);
            }
            catch (ArgumentException)
            {
                throw new OptionsException("encoding", $"unknown encoding '{Encoding}' (try utf-8 or latin1).");
            }
        }

        if (MinRatingValue is { } min && MaxRatingValue is { } max && min > max)
        {
            throw new OptionsException("max_rating_value", $"must be >= min_rating_value ({min}); got {max}.");
        }

        if ((MinRatingValue is { } a && !float.IsFinite(a)) || (MaxRatingValue is { } b && !float.IsFinite(b)))
        {
            throw new OptionsException(MinRatingValue is { } m && !float.IsFinite(m) ? "min_rating_value" : "max_rating_value", "must be a finite number.");
        }
    }

    public ReadOptions ToReadOptions() => new()
    {
        BadLines = BadLines,
        Duplicates = Duplicates,
        MinRating = MinRatingValue,
        MaxRating = MaxRatingValue,
        IncludeCatalogOnlyEntities = IncludeCatalogOnly,
    };

    public InteractionColumns ToColumns() => new()
    {
        User = UserColumn,
        Item = ItemColumn,
        Rating = RatingColumn,
        Timestamp = TimestampColumn,
        Event = EventColumn,
    };

    public DelimitedLayout ToDelimitedLayout() => new()
    {
        Separator = ResolvedSeparator,
        Quoted = Quoted ?? ResolvedSeparator.Length == 1,
        HasHeader = HasHeader ?? true,
        Encoding = Encoding,
        Columns = ToColumns(),
    };

    public AtomicFields ToAtomicFields() => new()
    {
        User = UserColumn ?? "user_id",
        Item = ItemColumn ?? "item_id",
        Rating = RatingColumn,
        Timestamp = TimestampColumn,
        Event = EventColumn,
    };

    public SyntheticOptions ToSyntheticOptions()
    {
        var defaults = new SyntheticOptions();
        return new SyntheticOptions
        {
            Seed = Seed ?? defaults.Seed,
            Users = Users ?? defaults.Users,
            Items = Items ?? defaults.Items,
            InteractionsPerUser = InteractionsPerUser ?? defaults.InteractionsPerUser,
            MinInteractionsPerUser = MinInteractionsPerUser ?? defaults.MinInteractionsPerUser,
            LatentDimensions = LatentDimensions ?? defaults.LatentDimensions,
            PopularityExponent = PopularityExponent ?? defaults.PopularityExponent,
            ActivitySpread = ActivitySpread ?? defaults.ActivitySpread,
            PreferenceStrength = PreferenceStrength ?? defaults.PreferenceStrength,
        };
    }

    /// <summary>The separator with its spelled-out names ("tab", "\t") replaced by the character.</summary>
    public string ResolvedSeparator => (Separator ?? ",") switch
    {
        "tab" or "\\t" => "\t",
        "comma" => ",",
        "semicolon" => ";",
        "pipe" => "|",
        "space" => " ",
        var other => other,
    };

    private void RejectUnless(bool applies, string formats, params (string Key, object? Value)[] settings)
    {
        if (applies)
        {
            return;
        }

        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                throw new OptionsException(key, $"applies only to formats {formats}, not '{NormalizedFormat}'.");
            }
        }
    }
}
