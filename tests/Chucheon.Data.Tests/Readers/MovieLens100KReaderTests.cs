using System.Text;
using Chucheon.Data.Readers;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Readers;

public sealed class MovieLens100KReaderTests
{
    private static TempDirectory Fixture(string data = "1\t10\t4\t881250949\n2\t20\t5\t881250950\n1\t20\t3\t881250951\n")
    {
        var dir = new TempDirectory();
        dir.Write("u.data", data);
        dir.Write("u.genre", "unknown|0\nAction|1\nDrama|2\n\n");
        // u.item is latin-1: the 'é' must survive as one character.
        File.WriteAllText(dir.File("u.item"),
            "10|Misérables, Les (1995)|01-Jan-1995||http://x|0|1|1\n"
            + "20|Toy Story (1995)|||http://y|0|0|1\n"
            + "30|Catalog Only (1970)|01-Jan-1971||http://z|1|0|0\n",
            Encoding.Latin1);
        dir.Write("u.user", "1|24|M|technician|85711\n2|53|F|other|94043\n3|30|F|writer|12345\n");
        return dir;
    }

    [Fact]
    public void FixtureWithCatalogOnlyEntities()
    {
        using var dir = Fixture();
        var report = new LoadReport();

        var dataset = MovieLens100KReader.Load(dir.Path, report: report);

        Assert.Equal(["1", "2", "3"], dataset.Users.RawIds);
        Assert.Equal(["10", "20", "30"], dataset.Items.RawIds);
        Assert.Equal(3, dataset.Log.Count);
        var items = dataset.ItemFeatures!;
        Assert.Equal("Misérables, Les (1995)", ((TextFeature)items["title"]).Values[0]);
        Assert.Equal([1995f, 1995f, 1971f], ((NumericFeature)items["year"]).Values);
        var genres = (MultiCategoricalFeature)items["genres"];
        Assert.Equal(["unknown", "Action", "Drama"], genres.Vocabulary.RawIds);
        Assert.Equal([1, 2], genres.Of(0).ToArray());
        Assert.Equal([2], genres.Of(1).ToArray());
        Assert.Equal([0], genres.Of(2).ToArray());
        var users = dataset.UserFeatures!;
        Assert.Equal([24f, 53f, 30f], ((NumericFeature)users["age"]).Values);
        var occupation = (CategoricalFeature)users["occupation"];
        Assert.Equal("writer", occupation.Vocabulary.GetRaw(occupation.Values[2]));
        Assert.Contains(report.Notes, n => n.Contains("1 items without interactions got ids", StringComparison.Ordinal));
        Assert.Equal(1, report.BlankLines);
    }

    [Fact]
    public void CatalogOnlyEntitiesCanBeLeftOut()
    {
        using var dir = Fixture();
        var dataset = MovieLens100KReader.Load(dir.Path, new ReadOptions { IncludeCatalogOnlyEntities = false });

        Assert.Equal(2, dataset.ItemCount);
        Assert.Equal(2, dataset.UserCount);
        Assert.Equal(2, dataset.ItemFeatures!.Rows);
    }

    [Fact]
    public void MalformedRatingIsReportedWithLineAndField()
    {
        using var dir = Fixture("1\t10\t4\t881250949\n2\t20\tx\t881250950\n");
        var error = Assert.Throws<DataFormatException>(() => MovieLens100KReader.Load(dir.Path));
        Assert.Equal("u.data:2: field 'rating': 'x' is not a number", error.Message);
    }

    [Fact]
    public void MalformedGenreFlagIsReported()
    {
        using var dir = Fixture();
        File.AppendAllText(dir.File("u.item"), "40|Bad (1990)|||u|0|2|0\n", Encoding.Latin1);
        var error = Assert.Throws<DataFormatException>(() => MovieLens100KReader.Load(dir.Path));
        Assert.Equal("u.item:4: field 'genre Action': '2' is not a 0/1 flag", error.Message);
    }

    [Fact]
    public void SharedMovieLens100K()
    {
        var report = new LoadReport();
        var dataset = MovieLens100KReader.Load(SharedData.Folder("ml-100k"), report: report);

        Assert.Equal(943, dataset.UserCount);
        Assert.Equal(1682, dataset.ItemCount);
        Assert.Equal(100_000, dataset.Log.Count);
        Assert.Equal(0, report.LinesSkipped);
        Assert.Equal(0, report.DuplicateRows);
        var histogram = dataset.Log.Ratings!.GroupBy(r => r).OrderBy(g => g.Key).Select(g => g.Count());
        Assert.Equal([6_110, 11_370, 27_145, 34_174, 21_201], histogram);
        var genres = (MultiCategoricalFeature)dataset.ItemFeatures!["genres"];
        Assert.Equal(19, genres.Vocabulary.Count);
        Assert.Equal("Action", genres.Vocabulary.GetRaw(1));
        var titles = ((TextFeature)dataset.ItemFeatures["title"]).Values;
        Assert.Equal("Toy Story (1995)", titles[dataset.Items.GetDense("1")]);
        Assert.Contains(titles, t => t is not null && t.Contains("Misérables", StringComparison.Ordinal));
        Assert.Equal(943, dataset.UserFeatures!.Rows);
    }

    [Fact]
    public void OfficialSplitFilesShareIds()
    {
        var folder = SharedData.Folder("ml-100k");
        var users = new IdMap();
        var items = new IdMap();
        var train = MovieLens100KReader.ReadRatings(Path.Combine(folder, "u1.base"), users, items);
        var test = MovieLens100KReader.ReadRatings(Path.Combine(folder, "u1.test"), users, items);

        Assert.Equal(80_000, train.Count);
        Assert.Equal(20_000, test.Count);
        Assert.Equal(943, users.Count);
        Assert.Equal(1682, items.Count);
    }
}
