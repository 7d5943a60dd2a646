using System.Globalization;
using System.Text;

namespace Chucheon.Data.Readers;

/// <summary>What a load did: files and lines read, lines skipped with the first reasons, duplicates handled, notes
/// on anything else a reader decided (ignored columns, catalog-only ids).</summary>
/// <remarks>One report can be passed to several reads (train, validation and test files of a predefined split) and
/// accumulates over them.</remarks>
public sealed class LoadReport
{
    /// <summary>How many skip reasons are kept verbatim; the rest are only counted.</summary>
    public const int MaxReasonsKept = 10;

    private readonly List<string> _files = [];
    private readonly List<string> _skipReasons = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<string> FilesRead => _files;

    /// <summary>Lines read from all files, header lines excluded.</summary>
    public long LinesRead { get; private set; }

    /// <summary>Empty lines, which carry no record and are passed over.</summary>
    public long BlankLines { get; private set; }

    /// <summary>Malformed lines left out under <see cref="BadLinePolicy.Skip"/>.</summary>
    public long LinesSkipped { get; private set; }

    /// <summary>The first <see cref="MaxReasonsKept"/> skip reasons, each naming file, line and field.</summary>
    public IReadOnlyList<string> SkipReasons => _skipReasons;

    /// <summary>Rows repeating a (user, item) pair seen earlier in the same log, whatever the policy did with them.</summary>
    public long DuplicateRows { get; private set; }

    /// <summary>Rows dropped by the <see cref="DuplicatePolicy"/> (zero under <see cref="DuplicatePolicy.Keep"/>).</summary>
    public long DuplicatesRemoved { get; private set; }

    public IReadOnlyList<string> Notes => _notes;

    public TimeSpan Elapsed { get; internal set; }

    internal void FileOpened(string path) => _files.Add(path);

    internal void LineRead() => LinesRead++;

    internal void BlankLine() => BlankLines++;

    internal void LineSkipped(string file, long line, string? field, string reason)
    {
        LinesSkipped++;
        if (_skipReasons.Count < MaxReasonsKept)
        {
            _skipReasons.Add(new DataFormatException(file, line, field, reason).Message);
        }
    }

    internal void DuplicatesFound(long repeated, long removed)
    {
        DuplicateRows += repeated;
        DuplicatesRemoved += removed;
    }

    internal void Note(string note) => _notes.Add(note);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{_files.Count} file(s), {LinesRead} lines read, {LinesSkipped} skipped, {BlankLines} blank, ");
        text.Append(CultureInfo.InvariantCulture, $"{DuplicateRows} duplicate rows ({DuplicatesRemoved} removed), {Elapsed.TotalMilliseconds:F0} ms");
        foreach (var reason in _skipReasons) { text.Append("\n  skipped: ").Append(reason); }
        foreach (var note in _notes) { text.Append("\n  note: ").Append(note); }
        return text.ToString();
    }
}
