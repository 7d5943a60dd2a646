using BenchmarkDotNet.Running;

namespace Chucheon.Benchmarks;

/// <summary>Kernel benchmarks: <c>dotnet run -c Release --project bench/Chucheon.Benchmarks -- --filter '*'</c>.</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
