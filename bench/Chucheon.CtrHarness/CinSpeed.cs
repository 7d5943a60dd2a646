using System.Diagnostics;
using Chucheon.Neural.Ctr.Layers;
using static TorchSharp.torch;

namespace Chucheon.CtrHarness;

/// <summary><c>cin-speed [batch] [steps]</c>: forward + backward time of xDeepFM's CIN on Frappe's shape (10 fields,
/// dimension 16, layers [32, 32]) with random input, wall and process CPU seconds per step.</summary>
internal static class CinSpeed
{
    public static int Run(int batch, int steps)
    {
        manual_seed(1);
        using var cin = new CompressedInteraction(10, [32, 32]);
        using var input = randn(batch, 10, 16);
        void Step()
        {
            using var scope = NewDisposeScope();
            var leaf = input.detach().requires_grad_(true);
            var output = cin.forward(leaf);
            output.sum().backward();
        }

        Step();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var s = 0; s < steps; s++) { Step(); }
        Console.WriteLine($"CIN batch {batch}: {watch.Elapsed.TotalMilliseconds / steps:F1} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / steps:F1} ms CPU per forward+backward step (load {Program.LoadAverage()})");
        return 0;
    }
}
