using Chucheon.Data.Readers.Text;
using FsCheck.Xunit;

namespace Chucheon.Data.Tests.Readers;

public sealed class FieldSplitterTests
{
    [Fact]
    public void QuotedFieldsKeepSeparatorsAndDoubledQuotes()
    {
        var splitter = new FieldSplitter(",", FieldSplitting.Quoted);
        Assert.Null(splitter.Split("1,\"American President, The (1995)\",\"say \"\"hi\"\"\",,x"));
        Assert.Equal(5, splitter.Count);
        Assert.Equal("American President, The (1995)", splitter[1].ToString());
        Assert.Equal("say \"hi\"", splitter[2].ToString());
        Assert.Equal("", splitter[3].ToString());
        Assert.Equal("x", splitter[4].ToString());
    }

    [Fact]
    public void BrokenQuotingIsReported()
    {
        var splitter = new FieldSplitter(",", FieldSplitting.Quoted);
        Assert.Equal("unterminated quoted field", splitter.Split("1,\"open"));
        Assert.Equal("text after a closing quote", splitter.Split("1,\"a\"b,2"));
    }

    [Fact]
    public void MultiCharacterSeparatorAndBlanks()
    {
        var dat = new FieldSplitter("::", FieldSplitting.Separator);
        dat.Split("1::Toy Story (1995)::Animation|Comedy");
        Assert.Equal(["1", "Toy Story (1995)", "Animation|Comedy"], Fields(dat));

        var blanks = new FieldSplitter(" ", FieldSplitting.Blanks);
        blanks.Split("  7 \t 3  4 ");
        Assert.Equal(["7", "3", "4"], Fields(blanks));
        blanks.Split("   ");
        Assert.Equal(0, blanks.Count);
    }

    [Property(MaxTest = 300)]
    public bool QuotingRoundTrips(string?[] values)
    {
        var fields = (values.Length == 0 ? [""] : values)
            .Select(v => (v ?? "").Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal))
            .ToArray();
        var line = string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var splitter = new FieldSplitter(",", FieldSplitting.Quoted);
        return splitter.Split(line) is null && Fields(splitter).SequenceEqual(fields);
    }

    private static string[] Fields(FieldSplitter splitter) =>
        Enumerable.Range(0, splitter.Count).Select(i => splitter[i].ToString()).ToArray();
}
