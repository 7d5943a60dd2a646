using Chucheon.Data.Ctr;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Ctr;

public sealed class LibFmReaderTests
{
    private static readonly LibFmField[] Fields = [new("user", 0, 9), new("item", 10, 19), new("city", 20, 29)];

    [Fact]
    public void ParsesLabelsAndFieldsWithCrlfEndings()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.libfm", "1 3:1 12:1 25:1\r\n-1 4:1 12:1\r\n\r\n0 20:1 3:1 19:1\r\n");

        var table = LibFmReader.Read(path, Fields);

        Assert.Equal(3, table.Count);
        Assert.Equal([1f, 0f, 0f], Enumerable.Range(0, 3).Select(table.Label));
        Assert.Equal(["3", "12", "25"], Enumerable.Range(0, 3).Select(f => table.Cell(0, f)));
        Assert.Null(table.Cell(1, 2)); // a field with no feature on the line is missing
        Assert.Equal(["3", "19", "20"], Enumerable.Range(0, 3).Select(f => table.Cell(2, f)));
    }

    [Theory]
    [InlineData("2 3:1", "a.libfm:1: field 'label': '2' is not a label")]
    [InlineData("1 3:1\n1 x:1", "a.libfm:2: field 'feature 1': index 'x'")]
    [InlineData("1 3:1 12", "a.libfm:1: field 'feature 2': '12' is not index:value")]
    [InlineData("1 3:1 12:abc", "a.libfm:1: field 'feature 2': value 'abc' is not a number")]
    [InlineData("1 3:1 99:1", "a.libfm:1: field 'feature 2': index 99 is in no declared field")]
    [InlineData("1 3:1 4:1", "a.libfm:1: field 'user': two features (3 and 4)")]
    [InlineData("1 3:0.5", "a.libfm:1: field 'user': index 3 has value 0.5")]
    public void BadLinesNameFileLineAndField(string content, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.libfm", content);

        var error = Assert.Throws<DataFormatException>(() => LibFmReader.Read(path, Fields));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FrappeFieldMapCoversTheDocumentedIndexRange()
    {
        var fields = LibFmField.Frappe;
        Assert.Equal(10, fields.Count);
        Assert.Equal(0, fields[0].First);
        Assert.Equal(5381, fields[^1].Last);
        for (var f = 1; f < fields.Count; f++) { Assert.Equal(fields[f - 1].Last + 1, fields[f].First); }
    }
}
