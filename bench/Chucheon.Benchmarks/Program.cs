using BenchmarkDotNet.Running;

namespace Chucheon.Benchmarks;

/// <summary>Kernel benchmarks: <c>dotnet run -c Release --project bench/Chucheon.Benchmarks -- --filter '*'</c>.</summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick-score") { QuickScore.Run(int.Parse(args[1])); return; }
        if (args.Length > 0 && args[0] == "quick-cholesky") { QuickTimer.Cholesky(int.Parse(args[1]), int.Parse(args[2])); return; }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
