namespace Chucheon.Data.Continual;

/// <summary>Where a continual stream comes from (<c>continual.source</c>).</summary>
public enum ContinualSource
{
    /// <summary>The MovieLens 100K folder, built by <see cref="MovieLens100KStream"/>.</summary>
    MovieLens100K,
}
