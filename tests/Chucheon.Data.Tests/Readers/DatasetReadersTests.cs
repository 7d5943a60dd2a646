using Chucheon.Configuration;
using Chucheon.Data.Readers;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Readers;

public sealed class DatasetReadersTests
{
    [Fact]
    public void RelativePathsResolveAgainstTheBaseDirectory()
    {
        using var dir = new TempDirectory();
        dir.Write("data/ratings.csv", "user,item,rating\n1,2,3\n1,3,x\n");
        var spec = new DatasetSpec { Format = "csv", Path = "data/ratings.csv", BadLines = BadLinePolicy.Skip };

        var result = DatasetReaders.Load(spec, dir.Path);

        Assert.Equal("ratings", result.Dataset.Name);
        Assert.Equal(1, result.Dataset.Log.Count);
        Assert.Equal(1, result.Report.LinesSkipped);
        Assert.Equal([Path.Combine(dir.Path, "data", "ratings.csv")], result.Report.FilesRead);
        Assert.Contains("1 skipped", result.Report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPathIsAConfigError()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<OptionsException>(() =>
            DatasetReaders.Load(new DatasetSpec { Format = "movielens-100k", Path = "nowhere" }, dir.Path));
        Assert.Equal("path", error.Key);
    }

    [Theory]
    [InlineData("movielens-100k", "ml-100k", 943, 100_000)]
    [InlineData("movielens-latest", "ml-latest-small", 610, 100_836)]
    [InlineData("user-item-lists", "iclrec_beauty/Beauty.txt", 22_363, 198_502)]
    [InlineData("user-item-lists", "ml-1m-lightgcnpp/train.txt", 6_039, 590_733)]
    public void SharedDatasetsThroughTheSpec(string format, string relativePath, int users, int interactions)
    {
        var root = SharedDatasets.TryFindRoot() ?? throw new DirectoryNotFoundException("shared datasets");
        var result = DatasetReaders.Load(new DatasetSpec { Format = format, Path = relativePath }, root);

        Assert.Equal(users, result.Dataset.UserCount);
        Assert.Equal(interactions, result.Dataset.Log.Count);
        Assert.Equal(0, result.Report.LinesSkipped);
    }

    [Fact]
    public void AtomicByFolderOrInterFile()
    {
        using var dir = new TempDirectory();
        dir.Write("shop/shop.inter", "user_id:token\titem_id:token\tbought:float\nu\ti\t1\n");
        var byFolder = DatasetReaders.Load(new DatasetSpec { Format = "atomic", Path = "shop", RatingColumn = "bought" }, dir.Path);
        var byFile = DatasetReaders.Load(new DatasetSpec { Format = "atomic", Path = "shop/shop.inter" }, dir.Path);

        Assert.Equal([1f], byFolder.Dataset.Log.Ratings!);
        Assert.Null(byFile.Dataset.Log.Ratings);
        Assert.Equal("shop", byFile.Dataset.Name);
    }

    [Fact]
    public void SyntheticNeedsNoPath()
    {
        var result = DatasetReaders.Load(new DatasetSpec { Format = "Synthetic", Users = 50, Items = 80, InteractionsPerUser = 10 });
        Assert.Equal(50, result.Dataset.UserCount);
        Assert.Equal("synthetic", result.Dataset.Name);
    }
}
