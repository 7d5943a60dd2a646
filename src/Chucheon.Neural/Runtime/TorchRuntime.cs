using System.Runtime.InteropServices;
using TorchSharp;

namespace Chucheon.Neural.Runtime;

/// <summary>Process-wide libtorch set-up: OpenMP wait policy, thread count, and the one place that decides the device.</summary>
public static partial class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool? _cudaAvailable;

    /// <summary>Where device warnings go (the CLI points this at its log); defaults to standard error.</summary>
    public static Action<string> Warn { get; set; } = message => Console.Error.WriteLine(message);

    /// <summary>Sets <c>OMP_WAIT_POLICY=PASSIVE</c> in the native environment unless the user already chose a policy.
    /// Must run before libtorch loads (first use of <see cref="torch"/>): libtorch's OpenMP otherwise spin-waits,
    /// and on a small shared machine any other busy process then slows training 5-45x.</summary>
    /// <remarks><see cref="Environment.SetEnvironmentVariable(string, string)"/> only changes .NET's copy of the
    /// environment on Unix; OpenMP reads the C library's, hence <c>setenv</c>.</remarks>
    public static void PrepareNativeEnvironment()
    {
        if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is { Length: > 0 })
        {
            return;
        }

        Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE");
        if (!OperatingSystem.IsWindows())
        {
            _ = SetEnv("OMP_WAIT_POLICY", "PASSIVE", 0);
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    /// <summary>Resolves a configured device name (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>, <c>auto</c>). CUDA is probed
    /// here only; when it is asked for (or <c>auto</c>) but unusable, the result is the CPU and a warning is logged.</summary>
    public static torch.Device ResolveDevice(string name)
    {
        var normalized = name.Trim().ToLowerInvariant();
        if (normalized == "cpu")
        {
            return torch.CPU;
        }

        if (normalized != "auto" && !normalized.StartsWith("cuda", StringComparison.Ordinal))
        {
            throw new Configuration.OptionsException("device", $"'{name}' is not one of: cpu, cuda, cuda:N, auto.");
        }

        if (CudaAvailable())
        {
            return normalized == "auto" ? torch.CUDA : torch.device(normalized);
        }

        Warn($"warning: device '{name}' requested but CUDA is not available (this libtorch build or machine has no usable GPU); using the CPU.");
        return torch.CPU;
    }

    /// <summary>Overridable for tests: a probe that throws counts as "no CUDA".</summary>
    internal static Func<bool> CudaProbe { get; set; } = torch.cuda.is_available;

    private static bool CudaAvailable()
    {
        lock (Gate)
        {
            if (_cudaAvailable is { } known)
            {
                return known;
            }

            try
            {
                _cudaAvailable = CudaProbe();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Warn($"warning: probing CUDA failed ({e.Message}).");
                _cudaAvailable = false;
            }

            return _cudaAvailable.Value;
        }
    }

    internal static void ResetCudaProbe()
    {
        lock (Gate) { _cudaAvailable = null; }
    }

    /// <summary>Sets libtorch's intra-op thread count: the option when given, else the fit context's, else all cores.</summary>
    public static void SetThreads(int? threads)
    {
        var n = Math.Max(1, threads ?? Environment.ProcessorCount);
        if (torch.get_num_threads() != n)
        {
            torch.set_num_threads(n);
        }
    }
}
