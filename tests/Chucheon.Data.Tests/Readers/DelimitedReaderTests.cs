using Chucheon.Data.Readers;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Readers;

public sealed class DelimitedReaderTests
{
    [Fact]
    public void ReadsColumnsByHeaderNameWithQuotesAndCrlf()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("events.csv", "ts,\"customer\",product,stars\r\n100,a,\"x,1\",4\r\n90,b,y,5\r\n110,a,y,3.5\r\n");
        var layout = DelimitedLayout.Csv with { Columns = new InteractionColumns { User = "customer", Item = "product", Rating = "stars" } };

        var dataset = DelimitedReader.Load(path, layout);

        Assert.Equal(["a", "b"], dataset.Users.RawIds);
        Assert.Equal(["x,1", "y"], dataset.Items.RawIds);
        Assert.Equal([0, 1, 0], dataset.Log.Users);
        Assert.Equal([4f, 5f, 3.5f], dataset.Log.Ratings!);
        Assert.Equal([100L, 90L, 110L], dataset.Log.Timestamps!);
        Assert.Null(dataset.EventTypes);
    }

    [Fact]
    public void ReadsColumnsByIndexWithoutHeader()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("u.tsv", "5\t10\t2\n6\t11\t1\n");
        var layout = DelimitedLayout.Tsv with { Columns = new InteractionColumns { User = "1", Item = "0", Rating = "2" } };

        var dataset = DelimitedReader.Load(path, layout);

        Assert.Equal(["10", "11"], dataset.Users.RawIds);
        Assert.Equal(["5", "6"], dataset.Items.RawIds);
        Assert.Equal([2f, 1f], dataset.Log.Ratings!);
        Assert.Null(dataset.Log.Timestamps!);
    }

    [Fact]
    public void EventColumnAndIsoTimestamps()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("e.csv", "user_id,item_id,event,time\n1,9,view,2024-01-01T00:00:00Z\n1,9,buy,2024-01-01T00:01:00Z\n");
        var dataset = DelimitedReader.Load(path, DelimitedLayout.Csv with { Columns = new InteractionColumns { Event = "event" } });

        Assert.Equal(["view", "buy"], dataset.EventTypes!.RawIds);
        Assert.Equal([0, 1], dataset.Log.EventTypes!);
        Assert.Equal([1_704_067_200L, 1_704_067_260L], dataset.Log.Timestamps!);
    }

    [Fact]
    public void MalformedRatingNamesFileLineAndField()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("r.csv", "user,item,rating\n1,2,4\n1,3,x\n");

        var error = Assert.Throws<DataFormatException>(() => DelimitedReader.Load(path, DelimitedLayout.Csv));

        Assert.Equal("r.csv:3: field 'rating': 'x' is not a number", error.Message);
        Assert.Equal(("r.csv", 3L, "rating"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void MissingFieldAndUnknownColumnAreNamed()
    {
        using var dir = new TempDirectory();
        var shortLine = dir.Write("s.csv", "user,item,rating\n1,2\n");
        var missing = Assert.Throws<DataFormatException>(() => DelimitedReader.Load(shortLine, DelimitedLayout.Csv));
        Assert.Contains("s.csv:2: field 'rating': missing", missing.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<DataFormatException>(() =>
            DelimitedReader.Load(shortLine, DelimitedLayout.Csv with { Columns = new InteractionColumns { Timestamp = "when" } }));
        Assert.Contains("no column 'when'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipModeCountsLinesAndKeepsFirstTenReasons()
    {
        using var dir = new TempDirectory();
        var lines = new List<string> { "user,item,rating" };
        for (var i = 0; i < 30; i++) { lines.Add(i % 2 == 0 ? $"u{i},i{i},3" : $"u{i},i{i},bad{i}"); }
        lines.Add("");
        lines.Add("u99,\"broken,5");
        var path = dir.Write("mixed.csv", string.Join('\n', lines) + "\n");
        var report = new LoadReport();

        var dataset = DelimitedReader.Load(path, DelimitedLayout.Csv, new ReadOptions { BadLines = BadLinePolicy.Skip }, report);

        Assert.Equal(15, dataset.Log.Count);
        Assert.Equal(16, report.LinesSkipped);
        Assert.Equal(1, report.BlankLines);
        Assert.Equal(32, report.LinesRead);
        Assert.Equal(LoadReport.MaxReasonsKept, report.SkipReasons.Count);
        Assert.Equal("mixed.csv:3: field 'rating': 'bad1' is not a number", report.SkipReasons[0]);
        // A rejected line leaves no id behind.
        Assert.DoesNotContain("u1", dataset.Users.RawIds);
        Assert.DoesNotContain("u99", dataset.Users.RawIds);
    }

    [Fact]
    public void RatingRangeIsCheckedOrSkipped()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("r.csv", "user,item,rating\n1,1,5\n1,2,7\n1,3,0\n");
        var range = new ReadOptions { MinRating = 1, MaxRating = 5 };

        var error = Assert.Throws<DataFormatException>(() => DelimitedReader.Load(path, DelimitedLayout.Csv, range));
        Assert.Equal("r.csv:3: field 'rating': '7' is outside [1, 5]", error.Message);

        var report = new LoadReport();
        var dataset = DelimitedReader.Load(path, DelimitedLayout.Csv, range with { BadLines = BadLinePolicy.Skip }, report);
        Assert.Equal(1, dataset.Log.Count);
        Assert.Equal(2, report.LinesSkipped);
    }

    [Theory]
    [InlineData(DuplicatePolicy.Keep, new[] { 3f, 5f, 1f, 4f }, 0)]
    [InlineData(DuplicatePolicy.First, new[] { 3f, 4f }, 2)]
    [InlineData(DuplicatePolicy.Last, new[] { 1f, 4f }, 2)]
    [InlineData(DuplicatePolicy.Max, new[] { 5f, 4f }, 2)]
    public void DuplicatePolicies(DuplicatePolicy policy, float[] expectedRatings, int removed)
    {
        using var dir = new TempDirectory();
        // File order differs from time order: "first" and "last" follow the timestamps.
        var path = dir.Write("d.csv", "user,item,rating,timestamp\na,x,5,20\na,x,3,10\nb,x,4,10\na,x,1,30\n");
        var report = new LoadReport();

        var log = DelimitedReader.Load(path, DelimitedLayout.Csv, new ReadOptions { Duplicates = policy }, report).Log;

        Assert.Equal(expectedRatings.OrderBy(r => r), log.Ratings!.OrderBy(r => r));
        Assert.Equal(2, report.DuplicateRows);
        Assert.Equal(removed, report.DuplicatesRemoved);
    }

    [Fact]
    public void KeptDuplicateRowsStayInSourceOrder()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("d.tsv", "a\tx\na\ty\na\tx\nb\tz\na\ty\n");
        var log = DelimitedReader.Load(path, DelimitedLayout.Tsv, new ReadOptions { Duplicates = DuplicatePolicy.Last }).Log;

        Assert.Equal(["x", "z", "y"], log.Items.Select(i => new[] { "x", "y", "z" }[i]));
    }

    [Fact]
    public void SeveralFilesShareIdMaps()
    {
        using var dir = new TempDirectory();
        var train = dir.Write("train.tsv", "1\t10\n2\t20\n");
        var test = dir.Write("test.tsv", "2\t10\n3\t30\n");
        var users = new IdMap();
        var items = new IdMap();
        var report = new LoadReport();

        var trainLog = DelimitedReader.ReadLog(train, DelimitedLayout.Tsv, users, items, report: report);
        var testLog = DelimitedReader.ReadLog(test, DelimitedLayout.Tsv, users, items, report: report);

        Assert.Equal([1, 2], testLog.Users);
        Assert.Equal([0, 2], testLog.Items);
        Assert.Equal(2, trainLog.Count);
        Assert.Equal(2, report.FilesRead.Count);
        Assert.Equal(4, report.LinesRead);
    }
}
