using Chucheon.Evaluation.Continual;
using Chucheon.TestKit;

namespace Chucheon.Evaluation.Tests.Continual;

public sealed class ContinualReportTests
{
    private static ContinualRun[] Runs =>
    [
        TransferSummaryTests.WorkedExample("TERACON", "original"),
        TransferSummaryTests.WorkedExample("TERACON", "reversed"),
        TransferSummaryTests.WorkedExample("FineAll", "original"),
    ];

    [Fact]
    public void MarkdownHasTheOverviewMatrixAndTransferRows()
    {
        var markdown = ContinualMarkdownReport.Render(Runs);

        Assert.Contains("| method | original | reversed |", markdown, StringComparison.Ordinal);
        Assert.Contains("| TERACON | 0.4500 (-20.00) | 0.4500 (-20.00) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| FineAll | 0.4500 (-20.00) | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("### TERACON, reversed order", markdown, StringComparison.Ordinal);
        Assert.Contains("| T2 rated_4 | 0.3000 | 0.5000 |  |", markdown, StringComparison.Ordinal);
        Assert.Contains("| FWT % | -20.00 | +25.00 | 0.00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| BWT % | -50.00 | +10.00 | 0.00 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesMarkdownAndANonEmptyPng()
    {
        using var dir = new TempDirectory();
        var markdown = dir.File("continual.md");
        var png = dir.File("continual.png");

        ContinualMarkdownReport.Write(markdown, Runs);
        ContinualChart.WritePng(png, Runs, 600, 400);

        Assert.StartsWith("# Continual user representation", File.ReadAllText(markdown), StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 1000, $"PNG has only {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }
}
