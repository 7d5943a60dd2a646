namespace Chucheon.Neural.Ctr.Experiments;

/// <summary>Where the rows of a CTR experiment come from.</summary>
public enum CtrDataFormat
{
    /// <summary>libFM / libSVM lines with a field map (<c>fields: frappe</c>).</summary>
    LibFm,

    /// <summary>A delimited file with a header and a declared schema (<c>schema: criteo</c> or field lists).</summary>
    Csv,

    /// <summary>MovieLens 100K ratings turned into clicks plus sampled non-clicks, with user and item features.</summary>
    MovieLens100K,
}
