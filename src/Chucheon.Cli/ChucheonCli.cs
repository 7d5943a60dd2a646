using System.CommandLine;
using Chucheon.Cli.Commands;

namespace Chucheon.Cli;

/// <summary>The command tree of the <c>chucheon</c> executable; tests invoke it in-process.</summary>
public static class ChucheonCli
{
    public static int Run(params string[] args)
    {
        // Before anything loads libtorch: registers the TorchSharp models and sets OMP_WAIT_POLICY=PASSIVE.
        Neural.NeuralModels.Register();
        var root = new RootCommand("Chucheon (추천): train, evaluate and serve recommenders.")
        {
            QuickstartCommand.Create(),
            RunCommand.Create(),
            CtrCommand.Create(),
            ContinualCommand.Create(),
            ContinualSeedsCommand.Create(),
            RecommendCommand.Create(),
            SimilarItemsCommand.Create(),
            DatasetsCommand.Create(),
            ModelsCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
