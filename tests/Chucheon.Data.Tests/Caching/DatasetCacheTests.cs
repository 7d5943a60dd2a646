using Chucheon.Data.Caching;
using Chucheon.Data.Filters;
using Chucheon.Data.Splits;
using Chucheon.Data.Tests.Support;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Caching;

public class DatasetCacheTests
{
    private static readonly DatasetFingerprint Key = new(new string('a', 64));

    /// <summary>A split using every optional part: all log columns, event types, features of each kind, a fold-in log.</summary>
    private static DataSplit RichSplit()
    {
        var data = RandomData.Build(seed: 17);
        var vocabulary = new IdMap(["drama", "comedy", "ünïcödé"]);
        var items = new FeatureTable(data.ItemCount);
        items.Add(new CategoricalFeature("genre", vocabulary, [.. Enumerable.Range(0, data.ItemCount).Select(i => i % 4 - 1)]));
        items.Add(MultiCategoricalFeature.FromLists("tags", vocabulary, [.. Enumerable.Range(0, data.ItemCount).Select(i => (IReadOnlyList<int>)[.. Enumerable.Range(0, i % 3)])]));
        items.Add(new NumericFeature("year", [.. Enumerable.Range(0, data.ItemCount).Select(i => i % 5 == 0 ? float.NaN : 1990 + i)]));
        items.Add(new TextFeature("title", [.. Enumerable.Range(0, data.ItemCount).Select(i => i % 3 == 0 ? null : $"Title {i}")]));
        var users = new FeatureTable(data.UserCount);
        users.Add(new NumericFeature("age", [.. Enumerable.Range(0, data.UserCount).Select(u => (float)u)]));
        data = new InteractionDataset(data.Name, data.Users, data.Items, data.Log, users, items, data.EventTypes);
        return Splitters.Split(data, new SplitSpec { Method = SplitMethod.HeldOutUsers, HeldOutUsers = 0.3, ValidationUsers = 0.2 }, seed: 5);
    }

    private static string EntryFile(DatasetCache cache) => Path.Combine(cache.EntryPath(Key), DatasetCache.EntryFileName);

    [Fact]
    public void Round_trip_restores_every_part_exactly()
    {
        using var dir = new TempDirectory();
        var cache = new DatasetCache(dir.Path);
        var split = RichSplit();

        cache.Save(Key, split);

        Assert.True(cache.TryLoad(Key, out var loaded, out var rejection));
        Assert.Null(rejection);
        SplitEquality.AssertEqual(split, loaded);
        Assert.Equal([Key.Short], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName)); // no temporaries left
    }

    [Fact]
    public void Round_trip_keeps_absent_columns_absent()
    {
        using var dir = new TempDirectory();
        var cache = new DatasetCache(dir.Path);
        var data = new InteractionDataset("bare", new IdMap(["u", "v"]), new IdMap(["x", "y"]), new InteractionLog([0, 0, 1, 1], [0, 1, 0, 1]));
        var split = Splitters.Split(data, new SplitSpec(), seed: 0);

        cache.Save(Key, split);

        Assert.True(cache.TryLoad(Key, out var loaded));
        SplitEquality.AssertEqual(split, loaded);
        Assert.Null(loaded.Train.Log.Timestamps);
        Assert.Null(loaded.Train.ItemFeatures);
        Assert.Null(loaded.FoldIn);
    }

    [Fact]
    public void A_missing_entry_is_a_plain_miss()
    {
        using var dir = new TempDirectory();

        Assert.False(new DatasetCache(dir.Path).TryLoad(Key, out var split, out var rejection));
        Assert.Null(split);
        Assert.Null(rejection);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("append")]
    [InlineData("empty")]
    public void A_damaged_entry_is_rejected_deleted_and_rebuilt(string damage)
    {
        using var dir = new TempDirectory();
        var cache = new DatasetCache(dir.Path);
        var split = RichSplit();
        cache.Save(Key, split);
        var bytes = File.ReadAllBytes(EntryFile(cache));
        File.WriteAllBytes(EntryFile(cache), damage switch
        {
            "flip" => Flip(bytes, bytes.Length / 2),
            "truncate" => bytes[..(bytes.Length * 2 / 3)],
            "append" => [.. bytes, 0],
            _ => [],
        });

        Assert.False(cache.TryLoad(Key, out _, out var rejection));
        Assert.NotNull(rejection);
        Assert.False(Directory.Exists(cache.EntryPath(Key)));

        var builds = 0;
        var rebuilt = cache.GetOrCreate(Key, () => { builds++; return split; });
        cache.GetOrCreate(Key, () => { builds++; return split; });
        Assert.Equal(1, builds);
        Assert.True(cache.TryLoad(Key, out var reloaded));
        SplitEquality.AssertEqual(rebuilt, reloaded);
    }

    [Fact]
    public void An_entry_saved_under_another_fingerprint_is_not_trusted()
    {
        using var dir = new TempDirectory();
        var cache = new DatasetCache(dir.Path);
        var other = new DatasetFingerprint(Key.Short + new string('b', 48));
        cache.Save(Key, RichSplit());
        Directory.Move(cache.EntryPath(Key), Path.Combine(dir.Path, "moved"));
        Directory.CreateDirectory(dir.Path);
        Directory.Move(Path.Combine(dir.Path, "moved"), cache.EntryPath(other));

        Assert.False(cache.TryLoad(other, out _, out var rejection));
        Assert.Contains("collision", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_again_replaces_the_entry()
    {
        using var dir = new TempDirectory();
        var cache = new DatasetCache(dir.Path);
        var first = RichSplit();
        var second = Splitters.Split(first.Train.WithLog(InteractionLog.Concat(first.Train.Log, first.Test)), new SplitSpec(), seed: 0);

        cache.Save(Key, first);
        cache.Save(Key, second);

        Assert.True(cache.TryLoad(Key, out var loaded));
        SplitEquality.AssertEqual(second, loaded);
    }

    [Fact]
    public void Default_directory_is_dot_chucheon_cache_under_the_current_directory()
    {
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, ".chucheon", "cache"), new DatasetCache().Directory);
    }

    [Fact]
    public void Filtered_and_split_ml100k_round_trips()
    {
        using var dir = new TempDirectory();
        var cache = new DatasetCache(dir.Path);
        var filters = new FilterSpec { MinRating = 4, MinUserInteractions = 5, MinItemInteractions = 5 };
        var spec = new SplitSpec { Method = SplitMethod.LeaveOneOut, Validation = true };
        var key = DatasetFingerprint.Compute([Ml100k.RatingsFile], filters, spec, 42);

        var built = cache.GetOrCreate(key, () => Splitters.Split(DatasetFilters.Apply(Ml100k.Dataset, filters).Dataset, spec, 42));

        Assert.True(cache.TryLoad(key, out var loaded));
        SplitEquality.AssertEqual(built, loaded);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x40;
        return copy;
    }
}
