using Chucheon.TestKit;

namespace Chucheon.Cli.Tests;

/// <summary>The executable's commands, invoked in-process; one collection because they redirect Console.Error.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CliTests
{
    private const string Config = """
        dataset:
          format: synthetic
          users: 150
          items: 200
        split:
          method: leave-one-out
        model:
          name: pop
        evaluation:
          metrics: [Recall, NDCG]
          k: [10]
        cache: false
        """;

    private static (int Code, string Errors) Invoke(params string[] args)
    {
        var previous = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            return (ChucheonCli.Run(args), errors.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Fact]
    public void Run_writes_metrics_and_recommend_reads_the_saved_model()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("pop.yaml", Config);
        var output = temp.File("out");

        Assert.Equal(0, Invoke("run", "--config", config, "--output", output).Code);
        Assert.True(File.Exists(Path.Combine(output, "metrics.json")));

        Assert.Equal(0, Invoke("recommend", "--model", output, "--user", "1", "-k", "5").Code);
        Assert.Equal(0, Invoke("similar-items", "--model", output, "--item", "1", "-k", "3").Code);
    }

    [Fact]
    public void A_bad_config_is_one_clear_line_and_exit_code_2()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("bad.yaml", Config.Replace("name: pop", "name: pop\n  regg: 1", StringComparison.Ordinal));

        var (code, errors) = Invoke("run", "--config", config, "--output", temp.File("out"));

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", errors, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:9", errors, StringComparison.Ordinal);
        Assert.Contains("model.regg", errors, StringComparison.Ordinal);
        Assert.Single(errors.Trim().Split('\n'));
    }

    [Fact]
    public void Missing_files_and_unknown_ids_are_user_errors()
    {
        using var temp = new TempDirectory();
        Assert.Equal(2, Invoke("run", "--config", temp.File("nope.yaml"), "--output", temp.File("out")).Code);
        Assert.Equal(2, Invoke("recommend", "--model", temp.File("no-model"), "--user", "1").Code);

        var config = temp.Write("pop.yaml", Config);
        var output = temp.File("out");
        Assert.Equal(0, Invoke("run", "--config", config, "--output", output).Code);
        var (code, errors) = Invoke("recommend", "--model", output, "--user", "nobody");
        Assert.Equal(2, code);
        Assert.Contains("Unknown user 'nobody'", errors, StringComparison.Ordinal);
        Assert.Equal(2, Invoke("recommend", "--model", output, "--user", "1", "-k", "0").Code);
    }

    [Fact]
    public void Datasets_info_describes_a_shared_dataset() =>
        Assert.Equal(0, Invoke("datasets", "info", "--format", "movielens-100k", "--path", SharedData.Folder("ml-100k")).Code);

    [Fact]
    public void Quickstart_runs_end_to_end()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, Invoke("quickstart", "--output", temp.Path).Code);
        Assert.True(File.Exists(Path.Combine(temp.Path, "pop", "metrics.json")));
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
