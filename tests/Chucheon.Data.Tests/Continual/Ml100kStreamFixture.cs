using Chucheon.Data.Continual;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Continual;

/// <summary>The ml-100k stream built once per test run (seed 42, default fractions); missing data fails loudly.</summary>
internal static class Ml100kStreamFixture
{
    public const long Seed = 42;

    private static readonly Lazy<StreamBuildResult> Cached = new(() => MovieLens100KStream.Build(Folder, Seed));

    public static string Folder => SharedData.Folder("ml-100k");

    public static StreamBuildResult Built => Cached.Value;

    public static TaskStream Stream => Built.Stream;
}
