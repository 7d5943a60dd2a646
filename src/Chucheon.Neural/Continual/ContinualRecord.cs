using System.Globalization;
using System.Text.Json;
using Chucheon.Evaluation.Continual;

namespace Chucheon.Neural.Continual;

/// <summary>The matrices of one <c>continual.json</c> (written by <see cref="ContinualExperiment"/>) read back, so runs
/// made by separate processes — one per seed, or one per scenario — can be summarised together.</summary>
/// <param name="Seed">The training seed (<c>continual_model.seed</c>) the runs were made with.</param>
/// <param name="Test">Every run's test-user matrix.</param>
/// <param name="Valid">The validation-user matrices of the runs that have one (sequential methods).</param>
public sealed record ContinualRecord(int Seed, IReadOnlyList<ContinualRun> Test, IReadOnlyList<ContinualRun> Valid)
{
    public const string FileName = "continual.json";

    /// <summary>Reads <paramref name="path"/>: a <c>continual.json</c> or the folder holding one.</summary>
    public static ContinualRecord Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file)) { throw new FileNotFoundException($"No {FileName} at {path}.", file); }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not valid JSON: {e.Message}", e);
        }

        using var _ = document;
        var root = document.RootElement;
        var seed = root.GetProperty("options").GetProperty("seed").GetInt32();
        var test = new List<ContinualRun>();
        var valid = new List<ContinualRun>();
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            var method = run.GetProperty("method").GetString() ?? throw new InvalidDataException($"{file}: a run without a method.");
            var scenario = run.GetProperty("scenario").GetString() ?? throw new InvalidDataException($"{file}: a run without a scenario.");
            var tasks = run.GetProperty("tasks").EnumerateArray().Select(t => t.GetString() ?? "").ToArray();
            var single = run.GetProperty("single_task") is { ValueKind: JsonValueKind.Array } s ? s.EnumerateArray().Select(Number).ToArray() : null;
            test.Add(new ContinualRun(method, scenario, Matrix(tasks, run.GetProperty("matrix")), single));
            if (run.TryGetProperty("valid_matrix", out var v) && v.ValueKind == JsonValueKind.Array)
            {
                valid.Add(new ContinualRun(method, scenario, Matrix(tasks, v), null));
            }
        }

        return new ContinualRecord(seed, test, valid);
    }

    /// <summary>Several records (one per seed) as markdown: the test-user summary, then the validation-user one (what
    /// settings are chosen on).</summary>
    public static string Summarise(IReadOnlyList<ContinualRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var test = records.SelectMany(r => r.Test.Select(run => new SeededRun(r.Seed, run))).ToArray();
        var valid = records.SelectMany(r => r.Valid.Select(run => new SeededRun(r.Seed, run))).ToArray();
        var markdown = ContinualSeedReport.Render(test, "Continual user representation over seeds: test users");
        return valid.Length == 0 ? markdown
            : markdown + "\n" + ContinualSeedReport.Render(valid, "Validation users (choose settings on these)");
    }

    /// <summary>The record of a finished in-process run.</summary>
    public static ContinualRecord Of(int seed, ContinualExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ContinualRecord(seed, [.. result.Runs.Select(r => r.Run)], [.. result.Runs.Where(r => r.Valid is not null).Select(r => r.Valid!)]);
    }

    /// <summary>The lower triangle as written: row j holds R(T_j, T_0..T_j).</summary>
    private static PerformanceMatrix Matrix(string[] tasks, JsonElement rows)
    {
        var matrix = new PerformanceMatrix(tasks);
        var j = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var i = 0;
            foreach (var cell in row.EnumerateArray()) { matrix[j, i++] = Number(cell); }
            j++;
        }

        return matrix;
    }

    // The writer allows named floating-point literals, so a NaN arrives as the string "NaN".
    private static double Number(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDouble();
}
