namespace Chucheon.Data.Ctr;

/// <summary>How one input field of a CTR example is turned into embedding slots.</summary>
public enum CtrFieldKind
{
    /// <summary>One token per example (user id, app id, city); missing or rare tokens go to the OOV bucket.</summary>
    Categorical,

    /// <summary>A set of tokens (genres, tags) joined by the field's separator; their embeddings are averaged.</summary>
    MultiCategorical,

    /// <summary>A number, bucketized into tokens (default) or kept as a scaled value on one embedding.</summary>
    Numeric,
}

/// <summary>What a <see cref="CtrFieldKind.Numeric"/> field becomes.</summary>
public enum NumericTransform
{
    /// <summary>Token <c>floor(ln(x)²)</c> for x &gt; 2, else the integer itself (the Criteo winners' trick): large
    /// counts share buckets, small ones stay distinct.</summary>
    LogBucket,

    /// <summary>One embedding multiplied by the standardised value ((x − mean) / std on the training rows).</summary>
    Scale,
}
