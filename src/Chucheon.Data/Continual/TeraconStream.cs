namespace Chucheon.Data.Continual;

/// <summary>Builds a <see cref="TaskStream"/> from TERACON/CONURE task files: the task-1 file holds each user's
/// behaviour sequence, each later file repeats those sequences line by line and adds the task's targets.</summary>
/// <remarks>
/// Users are the task-1 rows (raw id = 1-based row number); items and each task's labels get dense ids in first-seen
/// order. Task 1 becomes a next-item task exactly as in <see cref="MovieLens100KStream"/>: the last item is the label,
/// the rest is the shared input, and users whose input would be shorter than <c>minInputLength</c> are excluded from
/// every task and counted. A later file must have the same rows in the same order (a differing input sequence is a
/// <see cref="DataFormatException"/> naming file and line); a classification row needs exactly one target.
/// </remarks>
public static class TeraconStream
{
    public const string NextItem = "next_item";

    public static StreamBuildResult Build(string task1Path, IReadOnlyList<TeraconTaskSpec> laterTasks, long seed,
        PartitionFractions? fractions = null, int minInputLength = 2)
    {
        ArgumentNullException.ThrowIfNull(laterTasks);
        ArgumentOutOfRangeException.ThrowIfLessThan(minInputLength, 1);
        fractions ??= PartitionFractions.Default;
        fractions.Validate();
        var report = new StreamBuildReport();
        var first = TeraconTaskFileReader.Read(task1Path);
        report.UsersRead = first.Rows.Count;
        report.ExclusionRule = $"task-1 sequence shorter than {minInputLength + 1} items: the input needs {minInputLength} items besides the next-item label";
        if (first.BlankLines > 0) { report.Note($"{Path.GetFileName(task1Path)}: {first.BlankLines} blank lines"); }

        var users = new IdMap();
        var items = new IdMap();
        var keptRows = new List<int>();
        var sequences = new List<int[]>();
        var nextItems = new List<int>();
        for (var r = 0; r < first.Rows.Count; r++)
        {
            var input = first.Rows[r].Input;
            if (input.Length - 1 < minInputLength)
            {
                report.UsersExcluded++;
                continue;
            }

            users.GetOrAdd((r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            keptRows.Add(r);
            var dense = input.Select(i => items.GetOrAdd(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            sequences.Add(dense[..^1]);
            nextItems.Add(dense[^1]);
        }

        var all = Enumerable.Range(0, users.Count).ToArray();
        var tasks = new List<ContinualTask>
        {
            new(NextItem, ContinualTaskKind.NextItem, items, TaskLabels.FromSingle(all, [.. nextItems], items.Count), UserPartition.Random(all, fractions, seed, 1)),
        };
        for (var t = 0; t < laterTasks.Count; t++)
        {
            tasks.Add(LaterTask(laterTasks[t], first, keptRows, fractions, seed, t + 2, report));
        }

        return new StreamBuildResult(new TaskStream(new UserSequences(users, items, [.. sequences]), tasks), report);
    }

    private static ContinualTask LaterTask(TeraconTaskSpec spec, TeraconTaskFile first, List<int> keptRows, PartitionFractions fractions,
        long seed, long stream, StreamBuildReport report)
    {
        if (spec.Kind == ContinualTaskKind.NextItem)
        {
            throw new ArgumentException($"Task '{spec.Name}': only task 1 is a next-item task in a TERACON stream.", nameof(spec));
        }

        var file = TeraconTaskFileReader.Read(spec.Path);
        var fileName = Path.GetFileName(spec.Path);
        if (!file.HasTargets)
        {
            throw new DataFormatException(spec.Path, 1, "targets", "a later task file needs ',,' targets on every line");
        }

        if (file.Rows.Count != first.Rows.Count)
        {
            throw new DataFormatException(spec.Path, file.Rows.Count > 0 ? file.Rows[^1].Line : 1, null,
                $"{file.Rows.Count} rows, but the task-1 file has {first.Rows.Count}; rows must match line by line");
        }

        if (file.BlankLines > 0) { report.Note($"{fileName}: {file.BlankLines} blank lines"); }
        var vocabulary = new IdMap();
        var sets = new List<IReadOnlyList<int>>();
        for (var u = 0; u < keptRows.Count; u++)
        {
            var row = file.Rows[keptRows[u]];
            if (!row.Input.AsSpan().SequenceEqual(first.Rows[keptRows[u]].Input))
            {
                throw new DataFormatException(spec.Path, row.Line, "input", $"differs from line {first.Rows[keptRows[u]].Line} of the task-1 file");
            }

            if (spec.Kind == ContinualTaskKind.Classification && row.Targets.Length != 1)
            {
                throw new DataFormatException(spec.Path, row.Line, "targets", $"a classification task needs one target, found {row.Targets.Length}");
            }

            if (row.Targets.Distinct().Count() != row.Targets.Length)
            {
                throw new DataFormatException(spec.Path, row.Line, "targets", "a target id appears twice");
            }

            sets.Add([.. row.Targets.Select(t => vocabulary.GetOrAdd(t.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        }

        var all = Enumerable.Range(0, keptRows.Count).ToArray();
        var labels = TaskLabels.FromSets(all, sets, vocabulary.Count);
        return new ContinualTask(spec.Name, spec.Kind, vocabulary, labels, UserPartition.Random(all, fractions, seed, stream));
    }
}
