using Chucheon.Data;

namespace Chucheon.TestKit;

/// <summary>Access to ../shared/datasets from tests. A missing dataset fails the test loudly (never a silent pass).</summary>
public static class SharedData
{
    public static string Folder(string name) => SharedDatasets.Folder(name);

    public static string File(string folder, string file)
    {
        var path = Path.Combine(Folder(folder), file);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"Shared dataset file missing: {path}", path);
    }
}
