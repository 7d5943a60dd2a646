using Chucheon.Experiments.Runs;
using Chucheon.Models;

namespace Chucheon.Cli.Commands;

/// <summary>Accepts either a run's output folder or the model bundle folder inside it.</summary>
internal static class BundleLocator
{
    public static ModelBundle Load(string directory)
    {
        var nested = Path.Combine(directory, RunWriter.ModelFolder);
        return ModelBundle.Load(Directory.Exists(nested) ? nested : directory);
    }
}
