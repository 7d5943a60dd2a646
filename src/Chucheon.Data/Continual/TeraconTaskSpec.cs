namespace Chucheon.Data.Continual;

/// <summary>One later task of a TERACON-format stream: its name, kind and task file (rows with <c>,,</c> targets).</summary>
public sealed record TeraconTaskSpec(string Name, ContinualTaskKind Kind, string Path);
