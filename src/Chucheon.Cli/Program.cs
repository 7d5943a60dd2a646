namespace Chucheon.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("chucheon: the command line is being assembled; see README.md.");
        return args.Length == 0 ? 1 : 1;
    }
}
