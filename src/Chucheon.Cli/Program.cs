namespace Chucheon.Cli;

internal static class Program
{
    private static int Main(string[] args) => ChucheonCli.Run(args);
}
