using Chucheon.Data.Readers;
using Chucheon.TestKit;
using Parquet.Serialization;

namespace Chucheon.Data.Tests.Readers;

public sealed class ParquetInteractionReaderTests
{
    public sealed class Event
    {
        public long? Customer { get; set; }

        public string? Sku { get; set; }

        public double Score { get; set; }

        public DateTime When { get; set; }

        public string? Kind { get; set; }
    }

    private static string Write(TempDirectory dir, IEnumerable<Event> rows)
    {
        var path = dir.File("events.parquet");
        ParquetSerializer.SerializeAsync(rows, path).GetAwaiter().GetResult();
        return path;
    }

    private static readonly InteractionColumns Columns = new() { User = "Customer", Item = "Sku", Rating = "Score", Timestamp = "When", Event = "Kind" };

    [Fact]
    public void ReadsNamedColumnsOfAnyType()
    {
        using var dir = new TempDirectory();
        var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var path = Write(dir, [
            new Event { Customer = 7, Sku = "a", Score = 4.5, When = t0, Kind = "view" },
            new Event { Customer = 8, Sku = "b", Score = 3, When = t0.AddSeconds(5), Kind = "buy" },
            new Event { Customer = 7, Sku = "b", Score = 1, When = t0.AddSeconds(9), Kind = "view" },
        ]);

        var dataset = ParquetInteractionReader.Load(path, Columns);

        Assert.Equal(["7", "8"], dataset.Users.RawIds);
        Assert.Equal(["a", "b"], dataset.Items.RawIds);
        Assert.Equal([4.5f, 3f, 1f], dataset.Log.Ratings!);
        Assert.Equal([1_704_067_200L, 1_704_067_205L, 1_704_067_209L], dataset.Log.Timestamps!);
        Assert.Equal(["view", "buy"], dataset.EventTypes!.RawIds);
    }

    [Fact]
    public void MissingIdsFailOrAreSkipped()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, [
            new Event { Customer = 1, Sku = "a", Kind = "v" },
            new Event { Customer = null, Sku = "b", Kind = "v" },
            new Event { Customer = 2, Sku = null, Kind = "v" },
        ]);

        var error = Assert.Throws<DataFormatException>(() => ParquetInteractionReader.Load(path, Columns));
        Assert.Equal("events.parquet:2: field 'Customer': missing", error.Message);

        var report = new LoadReport();
        var dataset = ParquetInteractionReader.Load(path, Columns, new ReadOptions { BadLines = BadLinePolicy.Skip }, report);
        Assert.Equal(1, dataset.Log.Count);
        Assert.Equal(2, report.LinesSkipped);
        Assert.Equal("events.parquet:3: field 'Sku': missing", report.SkipReasons[1]);
    }

    [Fact]
    public void UnknownColumnIsNamed()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, [new Event { Customer = 1, Sku = "a" }]);
        var error = Assert.Throws<DataFormatException>(() => ParquetInteractionReader.Load(path, new InteractionColumns { User = "user" }));
        Assert.Contains("no column 'user'", error.Message, StringComparison.Ordinal);
    }
}
