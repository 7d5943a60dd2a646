using Chucheon.TestKit;

namespace Chucheon.Cli.Tests;

/// <summary><c>chucheon continual</c>: registered, and config errors point at the file line (no training runs here; the
/// experiment itself is tested in Chucheon.Neural.Tests on a synthetic stream).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ContinualCommandTests
{
    [Fact]
    public void A_misspelt_model_key_is_one_line_naming_the_file_line_and_key()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("continual.yaml", """
            continual:
              path: ../../shared/datasets/ml-100k
            continual_model:
              epochs: 1
              s_maxx: 50
            """);
        var previous = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        int code;
        try
        {
            code = ChucheonCli.Run("continual", "-c", config, "-o", temp.File("out"));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Equal(2, code);
        Assert.Contains("continual.yaml:5", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("continual_model.s_maxx", errors.ToString(), StringComparison.Ordinal);
        Assert.Single(errors.ToString().Trim().Split('\n'));
    }
}
