using System.Diagnostics;

namespace Chucheon.Experiments.Runs;

/// <summary>Facts about where a run happened: git commit, machine, peak memory.</summary>
public static class RunEnvironment
{
    /// <summary>HEAD of the git repository containing <paramref name="directory"/>, with "-dirty" when there are
    /// uncommitted changes; "unknown" outside a repository or without git.</summary>
    public static string GitCommit(string directory)
    {
        var head = Git(directory, "rev-parse HEAD");
        if (head is null) { return "unknown"; }
        var status = Git(directory, "status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(status) ? head : head + "-dirty";
    }

    public static string Machine =>
        $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    public static double PeakMemoryMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1);
    }

    private static string? Git(string directory, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) { return null; }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
