namespace Chucheon.Data;

/// <summary>Finds the shared real datasets folder: <c>CHUCHEON_DATASETS</c> if set, else <c>../shared/datasets</c>
/// beside the repository root (the folder holding Chucheon.sln), searched upward from a start directory.</summary>
public static class SharedDatasets
{
    public const string EnvironmentVariable = "CHUCHEON_DATASETS";

    public static string? TryFindRoot(string? startDirectory = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        foreach (var start in new[] { startDirectory, Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Chucheon.sln")))
                {
                    var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets"));
                    if (Directory.Exists(candidate)) { return candidate; }
                }
            }
        }

        return null;
    }

    /// <summary>Path of one dataset folder (e.g. "ml-100k"); a clear error when it cannot be found.</summary>
    public static string Folder(string name)
    {
        var root = TryFindRoot()
            ?? throw new DirectoryNotFoundException($"Shared datasets folder not found: set {EnvironmentVariable} or place it at ../shared/datasets beside the repository.");
        var path = Path.Combine(root, name);
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"Dataset folder '{name}' is missing under {root}.");
    }
}
