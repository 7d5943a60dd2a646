using Chucheon.Data.Continual;

namespace Chucheon.Data.Tests.Continual;

public sealed class TaskStreamTests
{
    [Fact]
    public void ReversalReversesOrderAndTwiceIsIdentity()
    {
        var stream = TinyStream.Create();

        var reversed = stream.Reversed();

        Assert.Equal(["profile", "clicks", "next"], reversed.TaskNames);
        Assert.Same(stream.Sequences, reversed.Sequences);
        Assert.Equal(stream.Fingerprint(), reversed.Reversed().Fingerprint());
        Assert.NotEqual(stream.Fingerprint(), reversed.Fingerprint());
    }

    [Fact]
    public void ShuffleIsAPermutationFixedByTheSeed()
    {
        var stream = Ml100kStreamFixture.Stream;

        var a = stream.Shuffled(3);
        var b = stream.Shuffled(3);
        var orders = Enumerable.Range(0, 20).Select(s => string.Join(",", stream.Shuffled(s).TaskNames)).Distinct().Count();

        Assert.Equal(a.TaskNames, b.TaskNames);
        Assert.Equal(stream.TaskNames.Order(StringComparer.Ordinal), a.TaskNames.Order(StringComparer.Ordinal));
        Assert.True(orders > 1, "different seeds should give different orders");
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Same(stream[a.Tasks[i].Name], a.Tasks[i]);
        }
    }

    [Fact]
    public void NoisyTaskIsInsertedAtItsPositionWithHalfTheUsersAndFiftyClasses()
    {
        var stream = Ml100kStreamFixture.Stream;

        var noisy = stream.WithNoisyTask(position: 3, seed: 11);

        Assert.Equal(stream.Count + 1, noisy.Count);
        Assert.Equal(NoisyTask.DefaultName, noisy.Tasks[2].Name);
        Assert.Equal(stream.TaskNames, noisy.TaskNames.Where(n => n != NoisyTask.DefaultName));
        var task = noisy.Tasks[2];
        Assert.Equal(ContinualTaskKind.Classification, task.Kind);
        Assert.Equal(50, task.LabelCount);
        Assert.Equal(Math.Round(stream.Sequences.UserCount * 0.5, MidpointRounding.AwayFromZero), task.UserCount);
        Assert.Equal(task.UserCount, task.Labels.Users.Distinct().Count());
        Assert.All(task.Labels.Values, c => Assert.InRange(c, 0, 49));
        Assert.True(task.Labels.Values.Distinct().Count() > 40, "472 draws over 50 classes should hit most classes");
        Assert.Equal(noisy.Fingerprint(), stream.WithNoisyTask(3, 11).Fingerprint());
        Assert.NotEqual(noisy.Fingerprint(), stream.WithNoisyTask(3, 12).Fingerprint());
    }

    [Fact]
    public void NoisyTaskCanBeAppendedButNotPlacedOutsideTheStream()
    {
        var stream = TinyStream.Create();

        Assert.Equal(NoisyTask.DefaultName, stream.WithNoisyTask(4, 1).Tasks[^1].Name);
        Assert.Equal(NoisyTask.DefaultName, stream.WithNoisyTask(1, 1).Tasks[0].Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.WithNoisyTask(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.WithNoisyTask(5, 1));
    }

    [Fact]
    public void SelectKeepsTheGivenOrderAndNamesAnUnknownTask()
    {
        var stream = TinyStream.Create();

        Assert.Equal(["profile", "next"], stream.Select(["profile", "next"]).TaskNames);
        var error = Assert.Throws<KeyNotFoundException>(() => stream.Select(["nope"]));
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateTaskNamesAreRejected()
    {
        var stream = TinyStream.Create();
        Assert.Throws<ArgumentException>(() => stream.WithTaskAt(1, stream.Tasks[0]));
    }

    [Fact]
    public void SummaryListsEveryTaskWithItsPartition()
    {
        var summary = TinyStream.Create().Summary();

        Assert.Contains("| 2 | clicks | ItemRecommendation | 5 | 3 | 8 |", summary, StringComparison.Ordinal);
        Assert.Contains("fingerprint", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskRejectsLabelsThatDoNotFitItsKind()
    {
        var users = new[] { 0, 1 };
        var labels = TaskLabels.FromSets(users, [[0, 1], [1]], 2);
        var partition = new UserPartition([0], [], [1]);

        var error = Assert.Throws<ArgumentException>(() => new ContinualTask("t", ContinualTaskKind.Classification, new IdMap(["a", "b"]), labels, partition));
        Assert.Contains("exactly one label", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TaskLabels.FromSets(users, [[0, 0], [1]], 2));
        Assert.Throws<ArgumentException>(() => TaskLabels.FromSingle([1, 0], [0, 0], 2));
        Assert.Throws<ArgumentException>(() => new UserPartition([0, 1], [1], []));
    }

    [Fact]
    public void PartitionOfATinyTaskKeepsEveryUser()
    {
        var partition = UserPartition.Random([5, 3, 9], PartitionFractions.Default, 1, 1);

        Assert.Equal([3, 5, 9], partition.Train.Concat(partition.Valid).Concat(partition.Test).Order());
    }
}
