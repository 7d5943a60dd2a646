using System.Globalization;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Continual;

/// <summary>The ml-100k task contents recomputed with plain LINQ straight from u.data and u.user, sharing no code with
/// the stream builder, so the builder's counts are checked against a second derivation.</summary>
internal static class Ml100kIndependentCounts
{
    private static readonly Lazy<Recomputed> Cached = new(Compute);

    public static Recomputed Value => Cached.Value;

    internal sealed record Rating(string User, string Item, int Stars, long Time, int FileIndex);

    internal sealed record Recomputed(
        int UsersInRatings,
        IReadOnlyDictionary<string, string[]> WatchByUser,
        IReadOnlyDictionary<string, string[]> Rated4ByUser,
        IReadOnlyDictionary<string, string[]> Rated5ByUser,
        IReadOnlyDictionary<string, (int Age, string Gender, string Occupation)> Profiles);

    private static Recomputed Compute()
    {
        var ratings = File.ReadLines(SharedData.File("ml-100k", "u.data"))
            .Where(line => line.Length > 0)
            .Select((line, index) =>
            {
                var f = line.Split('\t');
                return new Rating(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture), index);
            })
            .ToList();
        var byUser = ratings.GroupBy(r => r.User)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Time).ThenBy(r => r.FileIndex).ToList());
        var profiles = File.ReadLines(SharedData.File("ml-100k", "u.user"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('|'))
            .ToDictionary(f => f[0], f => (int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3]));
        return new Recomputed(
            byUser.Count,
            byUser.ToDictionary(p => p.Key, p => p.Value.Where(r => r.Stars < 4).Select(r => r.Item).ToArray()),
            byUser.ToDictionary(p => p.Key, p => p.Value.Where(r => r.Stars == 4).Select(r => r.Item).Distinct().ToArray()),
            byUser.ToDictionary(p => p.Key, p => p.Value.Where(r => r.Stars == 5).Select(r => r.Item).Distinct().ToArray()),
            profiles);
    }
}
