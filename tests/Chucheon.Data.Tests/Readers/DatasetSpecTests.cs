using Chucheon.Configuration;
using Chucheon.Data.Readers;

namespace Chucheon.Data.Tests.Readers;

public sealed class DatasetSpecTests
{
    private static DatasetSpec Bind(params (string Key, object? Value)[] pairs) =>
        DatasetSpec.Bind(pairs.ToDictionary(p => p.Key, p => p.Value));

    [Fact]
    public void BindsSnakeCaseKeys()
    {
        var spec = Bind(("format", "csv"), ("path", "data/x.csv"), ("user_column", "customer"), ("item_column", "2"),
            ("bad_lines", "skip"), ("duplicates", "last"), ("min_rating_value", "1"), ("max_rating_value", "5"),
            ("separator", "tab"), ("has_header", "false"));

        Assert.Equal(BadLinePolicy.Skip, spec.BadLines);
        Assert.Equal(DuplicatePolicy.Last, spec.Duplicates);
        var layout = spec.ToDelimitedLayout();
        Assert.Equal("\t", layout.Separator);
        Assert.False(layout.HasHeader);
        Assert.Equal("2", layout.Columns.Item);
        Assert.Equal(5f, spec.ToReadOptions().MaxRating);
    }

    [Theory]
    [InlineData("format", "dataset.formatt", "formatt", "csv")]
    [InlineData("format", "dataset.format", "format", "movielens-10m")]
    public void UnknownKeysAndFormatsAreNamed(string _, string expectedKey, string key, string value)
    {
        var error = Assert.Throws<OptionsException>(() => Bind((key, value), ("path", "x")));
        Assert.Equal(expectedKey, error.Key);
    }

    [Fact]
    public void ValidationNamesTheBadKey()
    {
        Assert.Equal("dataset.path", Assert.Throws<OptionsException>(() => Bind(("format", "csv"))).Key);
        Assert.Equal("dataset.format", Assert.Throws<OptionsException>(() => Bind(("path", "x"))).Key);
        Assert.Equal("dataset.user_column", Assert.Throws<OptionsException>(() => Bind(("format", "movielens-100k"), ("path", "x"), ("user_column", "u"))).Key);
        Assert.Equal("dataset.separator", Assert.Throws<OptionsException>(() => Bind(("format", "parquet"), ("path", "x"), ("separator", ";"))).Key);
        Assert.Equal("dataset.quoted", Assert.Throws<OptionsException>(() => Bind(("format", "csv"), ("path", "x"), ("separator", "::"), ("quoted", "true"))).Key);
        Assert.Equal("dataset.max_rating_value", Assert.Throws<OptionsException>(() => Bind(("format", "csv"), ("path", "x"), ("min_rating_value", "5"), ("max_rating_value", "1"))).Key);
        Assert.Equal("dataset.bad_lines", Assert.Throws<OptionsException>(() => Bind(("format", "csv"), ("path", "x"), ("bad_lines", "ignore"))).Key);
        Assert.Equal("dataset.users", Assert.Throws<OptionsException>(() => Bind(("format", "synthetic"), ("users", "0"))).Key);
        Assert.Equal("dataset.users", Assert.Throws<OptionsException>(() => Bind(("format", "csv"), ("path", "x"), ("users", "10"))).Key);
        Assert.Equal("dataset.path", Assert.Throws<OptionsException>(() => Bind(("format", "synthetic"), ("path", "x"))).Key);
        Assert.Equal("dataset.encoding", Assert.Throws<OptionsException>(() => Bind(("format", "csv"), ("path", "x"), ("encoding", "klingon"))).Key);
    }

    [Fact]
    public void MultiCharacterSeparatorTurnsQuotingOff()
    {
        var spec = Bind(("format", "csv"), ("path", "x"), ("separator", "::"));
        Assert.False(spec.ToDelimitedLayout().Quoted);
    }
}
