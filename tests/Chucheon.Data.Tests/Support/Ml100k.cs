using System.Globalization;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Support;

/// <summary>MovieLens 100K read with a minimal parser (the real reader lives elsewhere): tab-separated
/// <c>user item rating timestamp</c>. Parsed once per test run.</summary>
internal static class Ml100k
{
    private static readonly Lazy<InteractionDataset> Cached = new(Load);

    public static InteractionDataset Dataset => Cached.Value;

    public static string RatingsFile => SharedData.File("ml-100k", "u.data");

    private static InteractionDataset Load()
    {
        var users = new IdMap();
        var items = new IdMap();
        List<int> u = [], i = [];
        List<float> ratings = [];
        List<long> times = [];
        foreach (var line in File.ReadLines(RatingsFile))
        {
            if (line.Length == 0) { continue; }
            var f = line.Split('\t');
            u.Add(users.GetOrAdd(f[0]));
            i.Add(items.GetOrAdd(f[1]));
            ratings.Add(float.Parse(f[2], CultureInfo.InvariantCulture));
            times.Add(long.Parse(f[3], CultureInfo.InvariantCulture));
        }

        return new InteractionDataset("ml-100k", users, items, new InteractionLog([.. u], [.. i], [.. ratings], [.. times]));
    }
}
