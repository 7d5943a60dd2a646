using Chucheon.Configuration;
using Chucheon.Data.Continual;

namespace Chucheon.Data.Tests.Continual;

public sealed class ContinualOptionsTests
{
    [Fact]
    public void BindsTasksOrderAndNestedNoisyTask()
    {
        var options = ContinualOptionsBinding.Bind(new Dictionary<string, object?>
        {
            ["source"] = "movielens-100k",
            ["tasks"] = new List<object?> { "next_item", "rated_4", "age" },
            ["order"] = "reversed",
            ["seed"] = "7",
            ["noisy_task"] = new Dictionary<string, object?> { ["position"] = "2", ["classes"] = "10" },
        });

        Assert.Equal(["next_item", "rated_4", "age"], options.Tasks);
        Assert.Equal(StreamOrder.Reversed, options.Order);
        Assert.Equal(7, options.Seed);
        Assert.Equal(2, options.NoisyTask!.Position);
        Assert.Equal(10, options.NoisyTask.Classes);
        Assert.Equal(0.5, options.NoisyTask.UserFraction);
    }

    [Fact]
    public void DefaultsAreAllSixTasksInOriginalOrderWithoutNoise()
    {
        var options = ContinualOptionsBinding.Bind(new Dictionary<string, object?>());

        Assert.Equal(MovieLens100KStream.TaskNames, options.Tasks);
        Assert.Equal(StreamOrder.Original, options.Order);
        Assert.Null(options.NoisyTask);
        Assert.Equal(PartitionFractions.Default, options.Fractions);
    }

    [Theory]
    [InlineData("continual.tasks[1]", "tasks", "next_item,watch")]
    [InlineData("continual.orderr", "orderr", "reversed")]
    [InlineData("continual.order", "order", "sideways")]
    [InlineData("continual.test_fraction", "test_fraction", "0.5")]
    [InlineData("continual.tasks[1]", "tasks", "age,age")]
    public void BadKeysAndValuesAreNamed(string expectedKey, string key, string value)
    {
        var error = Assert.Throws<OptionsException>(() => ContinualOptionsBinding.Bind(new Dictionary<string, object?> { [key] = value }));

        Assert.Equal(expectedKey, error.Key);
    }

    [Fact]
    public void NoisyPositionBeyondTheStreamAndUnknownNoisyKeysAreNamed()
    {
        var beyond = Assert.Throws<OptionsException>(() => ContinualOptionsBinding.Bind(new Dictionary<string, object?>
        {
            ["tasks"] = "next_item,age",
            ["noisy_task"] = new Dictionary<string, object?> { ["position"] = "4" },
        }));
        var unknown = Assert.Throws<OptionsException>(() => ContinualOptionsBinding.Bind(new Dictionary<string, object?>
        {
            ["noisy_task"] = new Dictionary<string, object?> { ["positon"] = "2" },
        }));
        var scalar = Assert.Throws<OptionsException>(() => ContinualOptionsBinding.Bind(new Dictionary<string, object?> { ["noisy_task"] = "2" }));

        Assert.Equal("continual.noisy_task.position", beyond.Key);
        Assert.Contains("1..3", beyond.Message, StringComparison.Ordinal);
        Assert.Equal("continual.noisy_task.positon", unknown.Key);
        Assert.Equal("continual.noisy_task", scalar.Key);
    }

    [Fact]
    public void BuildsTheConfiguredStreamFromMl100k()
    {
        var options = ContinualOptionsBinding.Bind(new Dictionary<string, object?>
        {
            ["path"] = Ml100kStreamFixture.Folder,
            ["tasks"] = "next_item,rated_4,gender",
            ["order"] = "reversed",
            ["noisy_task"] = new Dictionary<string, object?> { ["position"] = "2" },
        });

        var built = ContinualStreams.Build(options);

        Assert.Equal(["gender", NoisyTask.DefaultName, "rated_4", "next_item"], built.Stream.TaskNames);
        Assert.Equal(Ml100kStreamFixture.Stream["gender"].Partition.Test, built.Stream["gender"].Partition.Test);
        Assert.Equal(Ml100kStreamFixture.Built.Report.UsersExcluded, built.Report.UsersExcluded);
    }
}
