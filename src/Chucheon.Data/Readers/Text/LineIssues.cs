namespace Chucheon.Data.Readers.Text;

/// <summary>Reports a malformed line of one file under the bad-line policy: throws a <see cref="DataFormatException"/>
/// under <see cref="BadLinePolicy.Fail"/>, records it in the report under <see cref="BadLinePolicy.Skip"/>.</summary>
/// <remarks>No exception is thrown in skip mode, so a file with many bad lines still loads at full speed.</remarks>
internal sealed class LineIssues(string fileName, BadLinePolicy policy, LoadReport report)
{
    public string FileName { get; } = fileName;

    /// <summary>The caller must leave the line out after this returns.</summary>
    public void Reject(long line, string? field, string reason)
    {
        if (policy == BadLinePolicy.Fail)
        {
            throw new DataFormatException(FileName, line, field, reason);
        }

        report.LineSkipped(FileName, line, field, reason);
    }

    /// <summary>A problem with the file as a whole (a header without a needed column): never skippable.</summary>
    public DataFormatException Fatal(long line, string? field, string reason) => new(FileName, line, field, reason);
}
