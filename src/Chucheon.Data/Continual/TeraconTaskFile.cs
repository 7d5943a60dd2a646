namespace Chucheon.Data.Continual;

/// <summary>A TERACON task file as read: one row per user, in file order.</summary>
public sealed class TeraconTaskFile(string path, IReadOnlyList<TeraconTaskRow> rows, long blankLines)
{
    public string Path { get; } = path;

    public IReadOnlyList<TeraconTaskRow> Rows { get; } = rows;

    /// <summary>Empty lines, which carry no row; counted so that nothing is passed over unseen.</summary>
    public long BlankLines { get; } = blankLines;

    /// <summary>True when the rows carry targets after <c>,,</c> (all rows do, or none: a mix is a format error).</summary>
    public bool HasTargets => Rows.Count > 0 && Rows[0].Targets.Length > 0;

    /// <summary>Input item tokens, padding excluded.</summary>
    public long InputTokens => Rows.Sum(r => (long)r.Input.Length);

    public long TargetTokens => Rows.Sum(r => (long)r.Targets.Length);
}
