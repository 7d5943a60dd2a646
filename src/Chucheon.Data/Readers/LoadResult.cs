namespace Chucheon.Data.Readers;

/// <summary>A loaded dataset and the account of how it was read.</summary>
public sealed record LoadResult(InteractionDataset Dataset, LoadReport Report);
