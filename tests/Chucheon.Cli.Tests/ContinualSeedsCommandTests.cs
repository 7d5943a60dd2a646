using Chucheon.TestKit;

namespace Chucheon.Cli.Tests;

/// <summary><c>chucheon continual-seeds</c> on hand-written continual.json files (the writer is tested with a real
/// run in Chucheon.Neural.Tests).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ContinualSeedsCommandTests
{
    private static string Record(int seed, double finalOnFirstTask) => $$"""
        {
          "options": { "seed": {{seed}} },
          "runs": [
            {
              "method": "TERACON", "scenario": "original", "tasks": ["a", "b"],
              "matrix": [[0.5], [{{finalOnFirstTask}}, 0.6]], "single_task": null,
              "valid_matrix": [[0.4], [0.4, 0.7]]
            }
          ]
        }
        """;

    [Fact]
    public void Summarises_test_and_validation_matrices_over_the_given_folders()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("s1"));
        Directory.CreateDirectory(temp.File("s2"));
        File.WriteAllText(temp.File("s1/continual.json"), Record(1, 0.5));
        File.WriteAllText(temp.File("s2/continual.json"), Record(2, 0.4));

        var code = ChucheonCli.Run("continual-seeds", "-o", temp.File("out"), temp.File("s1"), temp.File("s2/continual.json"));

        Assert.Equal(0, code);
        var markdown = File.ReadAllText(temp.File("out/continual-seeds.md"));
        // Test BWT on task a: 0 (seed 1) and −20 % (seed 2); validation: 0 under both seeds.
        Assert.Contains("| TERACON | -10.00 ± 14.14 [-20.00, 0.00] |", markdown, StringComparison.Ordinal);
        Assert.Contains("| TERACON | 0.00 ± 0.00 [0.00, 0.00] |", markdown, StringComparison.Ordinal);
        Assert.Contains("# Validation users", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_record_is_one_error_line()
    {
        using var temp = new TempDirectory();
        var previous = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        int code;
        try
        {
            code = ChucheonCli.Run("continual-seeds", "-o", temp.File("out"), temp.File("missing"));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Equal(2, code);
        Assert.Contains("continual.json", errors.ToString(), StringComparison.Ordinal);
        Assert.Single(errors.ToString().Trim().Split('\n'));
    }
}
