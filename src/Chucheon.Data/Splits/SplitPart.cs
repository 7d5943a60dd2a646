namespace Chucheon.Data.Splits;

/// <summary>Which part of a <see cref="DataSplit"/> one row goes to; splitters fill one per row and never anything else,
/// which is what makes every split a partition of the input by construction.</summary>
internal enum SplitPart : byte
{
    Train,
    Validation,
    Test,
    FoldIn,
}
