using Chucheon.Data.Ctr;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Ctr;

public sealed class DelimitedCtrReaderTests
{
    private static CtrSchema Schema() => new([CtrFieldSpec.Numeric("I1"), CtrFieldSpec.Categorical("C1"), CtrFieldSpec.Multi("tags", 3)]);

    [Fact]
    public void ReadsHeaderLabelAndEmptyCellsAsMissing()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("c.csv", "label,I1,C1,tags\n1,5,ab,x|y\n0,,cd,\n");

        var table = DelimitedCtrReader.Read(path, Schema());

        Assert.Equal(2, table.Count);
        Assert.Equal("5", table.Cell(0, 0));
        Assert.Null(table.Cell(1, 0));
        Assert.Null(table.Cell(1, 2));
        Assert.Equal(0f, table.Label(1));
    }

    [Theory]
    [InlineData("label,I1,C1,tags\n1,abc,ab,x\n", "c.csv:2: field 'I1': 'abc' is not a number")]
    [InlineData("label,I1,C1,tags\n1,5,ab\n", "c.csv:2: 3 columns; the header has 4")]
    [InlineData("label,I1,C1,tags\nyes,5,ab,x\n", "c.csv:2: field 'label': 'yes' is not a label")]
    [InlineData("label,I1,tags\n", "c.csv:1: field 'C1': declared field is not a column")]
    public void BadRowsNameFileLineAndField(string content, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("c.csv", content);

        var error = Assert.Throws<DataFormatException>(() => DelimitedCtrReader.Read(path, Schema()));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CriteoSchemaHas13NumericAnd26CategoricalFields()
    {
        var schema = DelimitedCtrReader.CriteoSchema();
        Assert.Equal(13, schema.Fields.Count(f => f.Kind == CtrFieldKind.Numeric));
        Assert.Equal(26, schema.Fields.Count(f => f.Kind == CtrFieldKind.Categorical));
    }
}
