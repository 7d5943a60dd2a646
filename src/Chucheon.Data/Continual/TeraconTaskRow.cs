namespace Chucheon.Data.Continual;

/// <summary>One row of a TERACON task file: the input sequence without its left padding, and the targets after
/// <c>,,</c> (empty in a file without targets, such as task 1).</summary>
/// <param name="Line">1-based line in the file, for error messages downstream.</param>
public sealed record TeraconTaskRow(long Line, int[] Input, int[] Targets);
