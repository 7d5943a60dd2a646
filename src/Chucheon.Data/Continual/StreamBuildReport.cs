using Chucheon.Data.Readers;

namespace Chucheon.Data.Continual;

/// <summary>What building a stream decided: users read, users excluded and why, and per-task notes (users a task does
/// not cover). Nothing is dropped without a count here.</summary>
public sealed class StreamBuildReport
{
    private readonly List<string> _notes = [];

    public LoadReport Load { get; } = new();

    /// <summary>Users with any interaction or profile row in the source.</summary>
    public int UsersRead { get; internal set; }

    /// <summary>Users left out of every task because their task-1 input sequence is too short.</summary>
    public int UsersExcluded { get; internal set; }

    /// <summary>The rule behind <see cref="UsersExcluded"/>, in words.</summary>
    public string ExclusionRule { get; internal set; } = "";

    public IReadOnlyList<string> Notes => _notes;

    internal void Note(string note) => _notes.Add(note);

    public override string ToString() =>
        $"{UsersRead} users read, {UsersExcluded} excluded ({ExclusionRule})" + string.Concat(_notes.Select(n => $"; {n}"));
}
