using System.CommandLine;
using Chucheon.Cli.Commands;

namespace Chucheon.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Chucheon (추천): train, evaluate and serve recommenders.")
        {
            QuickstartCommand.Create(),
            RunCommand.Create(),
            RecommendCommand.Create(),
            SimilarItemsCommand.Create(),
            DatasetsCommand.Create(),
            ModelsCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
