using Chucheon.Data.Continual;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Continual;

public sealed class TeraconStreamTests
{
    [Fact]
    public void BuildsTwoTasksFromTheExampleFiles()
    {
        var built = TeraconStream.Build(SharedData.File("teracon-example", "example_task1.csv"),
            [new TeraconTaskSpec("clicks", ContinualTaskKind.ItemRecommendation, SharedData.File("teracon-example", "example_task2.csv"))], seed: 1);
        var stream = built.Stream;

        // Every example row has at least 3 items; the last item of each of the 20 rows becomes its next-item label.
        Assert.Equal(0, built.Report.UsersExcluded);
        Assert.Equal(["next_item", "clicks"], stream.TaskNames);
        Assert.Equal(20, stream.Sequences.UserCount);
        Assert.Equal(948 - 20, stream.Sequences.TotalLength);
        Assert.Equal(44, stream["clicks"].Labels.TotalLabels);
        Assert.Equal(44, stream["clicks"].LabelCount);
    }

    [Fact]
    public void ALaterFileWithOtherSequencesIsAnError()
    {
        using var dir = new TempDirectory();
        var task1 = dir.Write("t1.csv", "0,1,2,3\n4,5,6,7");
        var task2 = dir.Write("t2.csv", "0,1,2,3,,9\n4,5,6,8,,9");

        var error = Assert.Throws<DataFormatException>(() =>
            TeraconStream.Build(task1, [new TeraconTaskSpec("t2", ContinualTaskKind.Classification, task2)], 1));

        Assert.StartsWith($"{task2}:2: field 'input': differs from line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassificationRowsNeedOneTargetAndShortSequencesAreExcludedAndCounted()
    {
        using var dir = new TempDirectory();
        var task1 = dir.Write("t1.csv", "0,1,2,3\n0,0,4,5\n6,7,8,9");
        var good = dir.Write("t2.csv", "0,1,2,3,,1\n0,0,4,5,,2\n6,7,8,9,,1");
        var twoTargets = dir.Write("t3.csv", "0,1,2,3,,1\n0,0,4,5,,2\n6,7,8,9,,1,2");

        var built = TeraconStream.Build(task1, [new TeraconTaskSpec("gender", ContinualTaskKind.Classification, good)], 1);
        var error = Assert.Throws<DataFormatException>(() =>
            TeraconStream.Build(task1, [new TeraconTaskSpec("gender", ContinualTaskKind.Classification, twoTargets)], 1));

        Assert.Equal(1, built.Report.UsersExcluded);
        Assert.Equal(["1", "3"], built.Stream.Sequences.Users.RawIds);
        Assert.Equal(["1"], built.Stream["gender"].Labels.Values.Select(built.Stream["gender"].LabelVocabulary.GetRaw).Distinct());
        Assert.StartsWith($"{twoTargets}:3: field 'targets': a classification task needs one target, found 2", error.Message, StringComparison.Ordinal);
    }
}
