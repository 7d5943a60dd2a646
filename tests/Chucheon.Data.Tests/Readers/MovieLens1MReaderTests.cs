using System.Text;
using Chucheon.Data.Readers;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Readers;

public sealed class MovieLens1MReaderTests
{
    [Fact]
    public void FixtureFolder()
    {
        using var dir = new TempDirectory();
        dir.Write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n");
        File.WriteAllText(dir.File("movies.dat"),
            "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation|Children's|Musical\n"
            + "5::Café (2000)::Comedy\n",
            Encoding.Latin1);
        dir.Write("users.dat", "1::F::1::10::48067\n2::M::56::16::70072\n");

        var dataset = MovieLens1MReader.Load(dir.Path);

        Assert.Equal(2, dataset.UserCount);
        Assert.Equal(["1193", "661", "5"], dataset.Items.RawIds);
        Assert.Equal([5f, 3f, 4f], dataset.Log.Ratings!);
        Assert.Equal([978300760L, 978302109L, 978298413L], dataset.Log.Timestamps!);
        var genres = (MultiCategoricalFeature)dataset.ItemFeatures!["genres"];
        Assert.Equal(["Animation", "Children's", "Musical"], genres.Of(1).ToArray().Select(genres.Vocabulary.GetRaw));
        Assert.Equal("Café (2000)", ((TextFeature)dataset.ItemFeatures["title"]).Values[2]);
        Assert.Equal([1975f, 1996f, 2000f], ((NumericFeature)dataset.ItemFeatures["year"]).Values);
        var occupation = (CategoricalFeature)dataset.UserFeatures!["occupation"];
        Assert.Equal(["K-12 student", "self-employed"], occupation.Values.Select(occupation.Vocabulary.GetRaw));
        Assert.Equal([1f, 56f], ((NumericFeature)dataset.UserFeatures["age"]).Values);
    }

    [Fact]
    public void MalformedTimestampNamesField()
    {
        using var dir = new TempDirectory();
        dir.Write("ratings.dat", "1::1193::5::978300760\n1::661::3\n");
        var error = Assert.Throws<DataFormatException>(() => MovieLens1MReader.Load(dir.Path));
        Assert.StartsWith("ratings.dat:2: field 'timestamp': missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedMetadataWithFixtureRatings()
    {
        // The shared ml-1m folder has no ratings.dat: pair its real catalog and user table with a small rating file.
        using var dir = new TempDirectory();
        var shared = SharedData.Folder("ml-1m");
        File.Copy(Path.Combine(shared, "movies.dat"), dir.File("movies.dat"));
        File.Copy(Path.Combine(shared, "users.dat"), dir.File("users.dat"));
        dir.Write("ratings.dat", "1::1193::5::978300760\n6040::3952::4::956715648\n");

        var dataset = MovieLens1MReader.Load(dir.Path);

        Assert.Equal(6040, dataset.UserCount);
        Assert.Equal(3883, dataset.ItemCount);
        Assert.Equal(18, ((MultiCategoricalFeature)dataset.ItemFeatures!["genres"]).Vocabulary.Count);
        Assert.DoesNotContain(((NumericFeature)dataset.ItemFeatures["year"]).Values, float.IsNaN);
        Assert.Equal(2, dataset.Log.Count);
    }
}
