using Chucheon.Data.Continual;

namespace Chucheon.Data.Tests.Continual;

public sealed class MovieLens100KStreamTests
{
    private static TaskStream Stream => Ml100kStreamFixture.Stream;

    private static Ml100kIndependentCounts.Recomputed Expected => Ml100kIndependentCounts.Value;

    private static string[] EligibleUsers =>
        [.. Expected.WatchByUser.Where(p => p.Value.Length >= 3).Select(p => p.Key).Order(StringComparer.Ordinal)];

    [Fact]
    public void ExcludesUsersWithShortInputSequencesAndCountsThem()
    {
        var report = Ml100kStreamFixture.Built.Report;

        Assert.Equal(Expected.UsersInRatings, report.UsersRead);
        Assert.Equal(Expected.UsersInRatings - EligibleUsers.Length, report.UsersExcluded);
        Assert.Equal(EligibleUsers, Stream.Sequences.Users.RawIds.Order(StringComparer.Ordinal));
        Assert.Contains("fewer than 3 ratings below 4", report.ExclusionRule, StringComparison.Ordinal);
    }

    [Fact]
    public void SequencesAndNextItemsMatchTheWatchSequence()
    {
        var sequences = Stream.Sequences;
        var nextItem = Stream[MovieLens100KStream.NextItem];
        Assert.Equal(ContinualTaskKind.NextItem, nextItem.Kind);
        Assert.Equal(sequences.UserCount, nextItem.UserCount);
        for (var u = 0; u < sequences.UserCount; u++)
        {
            var watch = Expected.WatchByUser[sequences.Users.GetRaw(u)];
            Assert.Equal(watch[..^1], sequences.Of(u).ToArray().Select(sequences.Items.GetRaw));
            Assert.Equal(watch[^1], nextItem.LabelVocabulary.GetRaw(nextItem.LabelOf(u)));
        }

        Assert.Equal(EligibleUsers.Sum(u => (long)Expected.WatchByUser[u].Length - 1), sequences.TotalLength);
        Assert.Equal(EligibleUsers.SelectMany(u => Expected.WatchByUser[u]).Distinct().Count(), sequences.ItemCount);
    }

    [Theory]
    [InlineData(MovieLens100KStream.Rated4, 4)]
    [InlineData(MovieLens100KStream.Rated5, 5)]
    public void RatedTasksHoldExactlyTheItemsRatedThatValue(string name, int stars)
    {
        var task = Stream[name];
        var byUser = stars == 4 ? Expected.Rated4ByUser : Expected.Rated5ByUser;
        var covered = EligibleUsers.Where(u => byUser[u].Length > 0).ToArray();

        Assert.Equal(ContinualTaskKind.ItemRecommendation, task.Kind);
        Assert.Equal(covered.Length, task.UserCount);
        Assert.Equal(covered.Sum(u => byUser[u].Length), task.Labels.TotalLabels);
        Assert.Equal(covered.SelectMany(u => byUser[u]).Distinct().Count(), task.LabelCount);
        foreach (var raw in covered)
        {
            var user = Stream.Sequences.Users.GetDense(raw);
            Assert.Equal(byUser[raw].Order(StringComparer.Ordinal), task.LabelsOf(user).ToArray().Select(task.LabelVocabulary.GetRaw).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void ProfileTasksMatchUUser()
    {
        var profiles = EligibleUsers.Select(u => Expected.Profiles[u]).ToArray();
        var bands = profiles.GroupBy(p => p.Age switch
        {
            < 18 => "under-18",
            <= 24 => "18-24",
            <= 34 => "25-34",
            <= 44 => "35-44",
            <= 49 => "45-49",
            <= 55 => "50-55",
            _ => "56+",
        }).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Describe(bands), Describe(ClassCounts(Stream[MovieLens100KStream.Age])));
        Assert.Equal(Describe(profiles.GroupBy(p => p.Gender).ToDictionary(g => g.Key, g => g.Count())), Describe(ClassCounts(Stream[MovieLens100KStream.Gender])));
        Assert.Equal(Describe(profiles.GroupBy(p => p.Occupation).ToDictionary(g => g.Key, g => g.Count())), Describe(ClassCounts(Stream[MovieLens100KStream.Occupation])));
        Assert.Equal(AgeBuckets.Names, Stream[MovieLens100KStream.Age].LabelVocabulary.RawIds);
    }

    [Fact]
    public void PartitionsAreDisjointCompleteAndNearTheFractions()
    {
        foreach (var task in Stream.Tasks)
        {
            var p = task.Partition;
            var all = p.Train.Concat(p.Valid).Concat(p.Test).ToArray();
            Assert.Equal(all.Length, all.Distinct().Count());
            Assert.Equal(task.Labels.Users, all.Order());
            Assert.InRange(p.Test.Length, (int)Math.Floor(task.UserCount * 0.15), (int)Math.Ceiling(task.UserCount * 0.15));
            Assert.InRange(p.Valid.Length, (int)Math.Floor(task.UserCount * 0.05), (int)Math.Ceiling(task.UserCount * 0.05));
        }
    }

    [Fact]
    public void SameSeedSameStreamOtherSeedOtherPartitions()
    {
        var again = MovieLens100KStream.Build(Ml100kStreamFixture.Folder, Ml100kStreamFixture.Seed).Stream;
        var other = MovieLens100KStream.Build(Ml100kStreamFixture.Folder, Ml100kStreamFixture.Seed + 1).Stream;

        Assert.Equal(Stream.Fingerprint(), again.Fingerprint());
        Assert.Equal(Stream.Tasks[0].Partition.Test, again.Tasks[0].Partition.Test);
        Assert.NotEqual(Stream.Fingerprint(), other.Fingerprint());
        Assert.NotEqual(Stream.Tasks[0].Partition.Test, other.Tasks[0].Partition.Test);
    }

    [Fact]
    public void TasksArePartitionedIndependently()
    {
        // Same users in two tasks must not get the same split by construction (each task has its own generator stream).
        var age = Stream[MovieLens100KStream.Age].Partition.Test;
        var gender = Stream[MovieLens100KStream.Gender].Partition.Test;
        Assert.NotEqual(age, gender);
    }

    private static string[] Describe(Dictionary<string, int> counts) =>
        [.. counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")];

    private static Dictionary<string, int> ClassCounts(ContinualTask task) =>
        task.Labels.Values.GroupBy(v => task.LabelVocabulary.GetRaw(v)).ToDictionary(g => g.Key, g => g.Count());
}
