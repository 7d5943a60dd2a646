using System.Runtime.CompilerServices;
using Chucheon.Neural.Runtime;

// libtorch already uses every core; running tests in parallel only makes them contend (see TORCHSHARP.md).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Chucheon.Neural.Tests;

internal static class TestSetup
{
    /// <summary>Before any test touches libtorch: OpenMP must not spin-wait on a shared machine.</summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        TorchRuntime.PrepareNativeEnvironment();
        Chucheon.Neural.NeuralModels.Register();
    }
}
