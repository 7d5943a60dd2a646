using System.Globalization;
using System.Text;
using Chucheon.Configuration;
using Chucheon.Neural.Ctr.Experiments;
using Chucheon.TestKit;

namespace Chucheon.Neural.Tests.Ctr;

/// <summary><c>dataset.train_subsample</c>: a nested subset of the training part, validation and test untouched.</summary>
public sealed class TrainSubsampleTests
{
    [Fact]
    public void KeepsALeadingNestedShareOfTrainingAndTheSameValidationAndTestRows()
    {
        using var dir = new TempDirectory();
        WriteRows(dir.File("rows.csv"), 1000);
        var full = CtrDataLoader.Load(Spec(1), dir.Path, seed: 3);
        var half = CtrDataLoader.Load(Spec(0.5), dir.Path, seed: 3);
        var quarter = CtrDataLoader.Load(Spec(0.25), dir.Path, seed: 3);

        Assert.Equal(800, full.Raw.Train.Count);
        Assert.Equal(400, half.Raw.Train.Count);
        Assert.Equal(200, quarter.Raw.Train.Count);
        Assert.Equal(Keys(full.Raw.Train).Take(400), Keys(half.Raw.Train));
        Assert.Equal(Keys(half.Raw.Train).Take(200), Keys(quarter.Raw.Train));
        Assert.Equal(Keys(full.Raw.Validation), Keys(quarter.Raw.Validation));
        Assert.Equal(Keys(full.Raw.Test), Keys(quarter.Raw.Test));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    public void OutOfRangeValuesAreRejected(double fraction)
    {
        using var dir = new TempDirectory();
        WriteRows(dir.File("rows.csv"), 100);
        var error = Assert.Throws<OptionsException>(() => CtrDataLoader.Load(Spec(fraction), dir.Path, seed: 3));
        Assert.Equal("train_subsample", error.Key);
    }

    private static CtrDatasetSpec Spec(double subsample) => new()
    {
        Format = CtrDataFormat.Csv, Files = ["rows.csv"], CategoricalFields = ["id"], TrainSubsample = subsample,
    };

    // Every row has its own id, so a part's id sequence identifies exactly which rows it holds, in order.
    private static IEnumerable<string?> Keys(Chucheon.Data.Ctr.RawCtrTable table) => Enumerable.Range(0, table.Count).Select(r => table.Cell(r, 0));

    private static void WriteRows(string path, int rows)
    {
        var csv = new StringBuilder("label,id\n");
        for (var r = 0; r < rows; r++) { csv.Append(CultureInfo.InvariantCulture, $"{r % 2},row{r}\n"); }
        File.WriteAllText(path, csv.ToString());
    }
}
