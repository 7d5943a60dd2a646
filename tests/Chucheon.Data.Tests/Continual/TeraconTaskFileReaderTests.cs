using Chucheon.Data.Continual;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Continual;

public sealed class TeraconTaskFileReaderTests
{
    [Fact]
    public void ReadsTheExampleFilesWithTheCountsTheReadmeStates()
    {
        var task1 = TeraconTaskFileReader.Read(SharedData.File("teracon-example", "example_task1.csv"));
        var task2 = TeraconTaskFileReader.Read(SharedData.File("teracon-example", "example_task2.csv"));

        Assert.Equal(20, task1.Rows.Count);
        Assert.Equal(20, task2.Rows.Count);
        Assert.False(task1.HasTargets);
        Assert.True(task2.HasTargets);
        Assert.Equal(948, task1.InputTokens);
        Assert.Equal(903, task1.Rows.SelectMany(r => r.Input).Distinct().Count());
        Assert.Equal(1934, task1.Rows.Max(r => r.Input.Max()));
        Assert.Equal(44, task2.TargetTokens);
        Assert.Equal(44, task2.Rows.SelectMany(r => r.Targets).Distinct().Count());
        Assert.Equal(51, task2.Rows.Max(r => r.Targets.Max()));
        Assert.Equal(task1.Rows.Select(r => r.Input), task2.Rows.Select(r => r.Input));
        Assert.Equal([1, 2], task2.Rows[0].Targets);
        Assert.Equal(0, task1.BlankLines);
    }

    [Fact]
    public void StripsLeftPaddingAndAcceptsATrailingNewline()
    {
        var file = Read("0,0,3,4,,7\n0,5,6,,8,9\n");

        Assert.Equal([3, 4], file.Rows[0].Input);
        Assert.Equal([7], file.Rows[0].Targets);
        Assert.Equal([8, 9], file.Rows[1].Targets);
        Assert.Equal(2, file.Rows[1].Line);
    }

    [Theory]
    [InlineData("1,2\n1,x,3", "task.csv:2: field 'input[2]': 'x' is not a non-negative integer id")]
    [InlineData("1,2,0,3", "task.csv:1: field 'input[3]': padding 0 after an item")]
    [InlineData("0,0,0", "task.csv:1: field 'input': no items")]
    [InlineData("1,2,,3,,4", "task.csv:1: field 'targets': more than one ',,' separator")]
    [InlineData("1,2,,", "task.csv:1: field 'targets': nothing after ',,'")]
    [InlineData("1,2,,3,-4", "task.csv:1: field 'target[2]': '-4' is not a non-negative integer id")]
    [InlineData("1,2,", "task.csv:1: field 'input[3]': empty id")]
    [InlineData("1,2,,3\n4,5", "task.csv:2: field 'targets': line 1 has ',,' targets but this line has none")]
    public void BadLinesNameFileLineAndField(string content, string expected)
    {
        var error = Assert.Throws<DataFormatException>(() => Read(content));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankLinesAreCountedNotRead()
    {
        var file = Read("1,2\n\n3,4");

        Assert.Equal(2, file.Rows.Count);
        Assert.Equal(1, file.BlankLines);
        Assert.Equal(3, file.Rows[1].Line);
    }

    private static TeraconTaskFile Read(string content)
    {
        using var reader = new StringReader(content);
        return TeraconTaskFileReader.Read(reader, "task.csv");
    }
}
