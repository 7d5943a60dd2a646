namespace Chucheon.Data.Readers.Text;

/// <summary>Maps the id on a side-information line to a dense row, adding catalog-only entities when allowed and
/// counting what it added or passed over, so the report can say so.</summary>
internal sealed class EntityRows(IdMap ids, bool includeNew)
{
    public int Added { get; private set; }

    public int LeftOut { get; private set; }

    /// <summary>False when the line is to be passed over: an empty id (rejected as a bad line) or an entity left out.</summary>
    public bool TryRow(ReadOnlySpan<char> raw, long line, LineIssues issues, string field, out int row)
    {
        raw = raw.Trim();
        if (raw.IsEmpty)
        {
            issues.Reject(line, field, "empty");
            row = -1;
            return false;
        }

        if (ids.TryGetDense(raw, out row))
        {
            return true;
        }

        if (!includeNew)
        {
            LeftOut++;
            return false;
        }

        Added++;
        row = ids.GetOrAdd(raw);
        return true;
    }

    public void Report(LoadReport report, string file, string what)
    {
        if (Added > 0) { report.Note($"{file}: {Added} {what} without interactions got ids (catalog)"); }
        if (LeftOut > 0) { report.Note($"{file}: {LeftOut} {what} without interactions left out"); }
    }
}
