using Chucheon.Data.Readers;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Readers;

public sealed class MovieLensLatestReaderTests
{
    [Fact]
    public void FixtureWithQuotedTitlesCrlfAndTags()
    {
        using var dir = new TempDirectory();
        dir.Write("ratings.csv", "userId,movieId,rating,timestamp\r\n1,11,4.0,964982703\r\n1,12,0.5,964981247\r\n2,11,5.0,964982224\r\n");
        dir.Write("movies.csv", "movieId,title,genres\r\n11,\"American President, The (1995)\",Comedy|Drama|Romance\r\n"
            + "12,Heat (1995),Action|Crime\r\n13,\"Nothing, Yet (2018)\",(no genres listed)\r\n");
        dir.Write("tags.csv", "userId,movieId,tag,timestamp\r\n2,11,Funny,1445714994\r\n3,11,funny,1445714996\r\n2,12,\"heist, classic\",1445714997\r\n");

        var dataset = MovieLensLatestReader.Load(dir.Path);

        Assert.Equal(2, dataset.UserCount);
        Assert.Equal(["11", "12", "13"], dataset.Items.RawIds);
        Assert.Equal([4f, 0.5f, 5f], dataset.Log.Ratings!);
        var features = dataset.ItemFeatures!;
        Assert.Equal("American President, The (1995)", ((TextFeature)features["title"]).Values[0]);
        var genres = (MultiCategoricalFeature)features["genres"];
        Assert.Equal(0, genres.Of(2).Length);
        Assert.DoesNotContain("(no genres listed)", genres.Vocabulary.RawIds);
        var tags = (MultiCategoricalFeature)features["tags"];
        Assert.Equal(["funny"], tags.Of(0).ToArray().Select(tags.Vocabulary.GetRaw));
        Assert.Equal(["heist, classic"], tags.Of(1).ToArray().Select(tags.Vocabulary.GetRaw));
    }

    [Fact]
    public void SharedLatestSmall()
    {
        var folder = SharedData.Folder("ml-latest-small");
        var report = new LoadReport();
        var dataset = MovieLensLatestReader.Load(folder, report: report);

        Assert.Equal(610, dataset.UserCount);
        Assert.Equal(100_836, dataset.Log.Count);
        Assert.Equal(9_742, dataset.ItemCount);
        Assert.Equal(0, report.LinesSkipped);
        Assert.Equal(10, dataset.Log.Ratings!.Distinct().Count());
        var genres = (MultiCategoricalFeature)dataset.ItemFeatures!["genres"];
        Assert.Equal(19, genres.Vocabulary.Count);

        var ratedOnly = MovieLensLatestReader.Load(folder, new ReadOptions { IncludeCatalogOnlyEntities = false });
        Assert.Equal(9_724, ratedOnly.ItemCount);
    }
}
