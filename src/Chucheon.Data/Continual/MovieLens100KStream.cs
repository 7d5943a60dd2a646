using Chucheon.Data.Readers;

namespace Chucheon.Data.Continual;

/// <summary>Builds a six-task continual stream from the MovieLens 100K folder, shaped like the TTL stream of CONURE and
/// TERACON (one behaviour sequence, then item and profile tasks over the same users).</summary>
/// <remarks>
/// <list type="number">
/// <item><c>next_item</c>: the watch sequence is the user's ratings below 4 in time order (ties keep <c>u.data</c>
/// order); its last item is the label and the rest is the shared input sequence.</item>
/// <item><c>rated_4</c>: the set of items the user rated 4 (users with none are not covered).</item>
/// <item><c>rated_5</c>: the set of items the user rated 5.</item>
/// <item><c>age</c>: <see cref="AgeBuckets"/> of the <c>u.user</c> age.</item>
/// <item><c>gender</c>: <c>u.user</c> gender (vocabulary sorted).</item>
/// <item><c>occupation</c>: <c>u.user</c> occupation (vocabulary sorted).</item>
/// </list>
/// Users whose input sequence is shorter than <c>minInputLength</c> are excluded from every task and counted in the
/// report. Users keep the reader's dense order (first appearance in <c>u.data</c>). Each task is partitioned with its
/// own generator stream (its number above), so selecting or reordering tasks never changes a task's partition.
/// </remarks>
public static class MovieLens100KStream
{
    public const string NextItem = "next_item";
    public const string Rated4 = "rated_4";
    public const string Rated5 = "rated_5";
    public const string Age = "age";
    public const string Gender = "gender";
    public const string Occupation = "occupation";

    /// <summary>Ratings below this form the watch sequence of task 1.</summary>
    public const float WatchBelowRating = 4;

    public static IReadOnlyList<string> TaskNames { get; } = [NextItem, Rated4, Rated5, Age, Gender, Occupation];

    public static StreamBuildResult Build(string folder, long seed, PartitionFractions? fractions = null, int minInputLength = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minInputLength, 1);
        fractions ??= PartitionFractions.Default;
        fractions.Validate();
        var report = new StreamBuildReport();
        var dataset = MovieLens100KReader.Load(folder, ReadOptions.Default, report.Load);
        var log = dataset.Log;
        var ratings = log.Ratings ?? throw new DataFormatException(Path.Combine(folder, "u.data"), 1, "rating", "the ratings column is missing");
        var rowsByUser = log.RowsByUserInTimeOrder(dataset.UserCount);
        report.UsersRead = dataset.UserCount;
        report.ExclusionRule = $"fewer than {minInputLength + 1} ratings below {WatchBelowRating}: the input sequence needs {minInputLength} items besides the next-item label";

        var users = new IdMap();
        var items = new IdMap();
        var sourceUsers = new List<int>();
        var sequences = new List<int[]>();
        var nextItems = new List<int>();
        for (var u = 0; u < dataset.UserCount; u++)
        {
            var watch = rowsByUser[u].Where(r => ratings[r] < WatchBelowRating).Select(r => log.Items[r]).ToArray();
            if (watch.Length - 1 < minInputLength)
            {
                report.UsersExcluded++;
                continue;
            }

            users.GetOrAdd(dataset.Users.GetRaw(u));
            sourceUsers.Add(u);
            var dense = watch.Select(i => items.GetOrAdd(dataset.Items.GetRaw(i))).ToArray();
            sequences.Add(dense[..^1]);
            nextItems.Add(dense[^1]);
        }

        var shared = new UserSequences(users, items, [.. sequences]);
        var all = Enumerable.Range(0, users.Count).ToArray();
        var tasks = new List<ContinualTask>
        {
            new(NextItem, ContinualTaskKind.NextItem, items, TaskLabels.FromSingle(all, [.. nextItems], items.Count),
                UserPartition.Random(all, fractions, seed, 1)),
            RatedTask(Rated4, 4, 2),
            RatedTask(Rated5, 5, 3),
        };
        var profiles = dataset.UserFeatures;
        if (profiles is null)
        {
            report.Note("u.user not found: no age, gender or occupation tasks");
        }
        else
        {
            var ages = (NumericFeature)profiles["age"];
            tasks.Add(ClassTask(Age, AgeBuckets.Names, u => float.IsNaN(ages.Values[u]) ? null : AgeBuckets.Names[AgeBuckets.Of((int)ages.Values[u])], 4));
            tasks.Add(ClassTask(Gender, null, CategoryOf((CategoricalFeature)profiles["gender"]), 5));
            tasks.Add(ClassTask(Occupation, null, CategoryOf((CategoricalFeature)profiles["occupation"]), 6));
        }

        return new StreamBuildResult(new TaskStream(shared, tasks), report);

        ContinualTask RatedTask(string name, float rating, long stream)
        {
            var vocabulary = new IdMap();
            var covered = new List<int>();
            var sets = new List<IReadOnlyList<int>>();
            for (var s = 0; s < sourceUsers.Count; s++)
            {
                var set = rowsByUser[sourceUsers[s]].Where(r => ratings[r] == rating)
                    .Select(r => vocabulary.GetOrAdd(dataset.Items.GetRaw(log.Items[r]))).Distinct().ToArray();
                if (set.Length > 0)
                {
                    covered.Add(s);
                    sets.Add(set);
                }
            }

            NoteUncovered(name, covered.Count, $"no rating of {rating}");
            var labels = TaskLabels.FromSets([.. covered], sets, vocabulary.Count);
            return new ContinualTask(name, ContinualTaskKind.ItemRecommendation, vocabulary, labels, UserPartition.Random(labels.Users, fractions, seed, stream));
        }

        ContinualTask ClassTask(string name, IReadOnlyList<string>? fixedClasses, Func<int, string?> classOf, long stream)
        {
            var covered = new List<int>();
            var names = new List<string>();
            for (var s = 0; s < sourceUsers.Count; s++)
            {
                if (classOf(sourceUsers[s]) is { } c)
                {
                    covered.Add(s);
                    names.Add(c);
                }
            }

            NoteUncovered(name, covered.Count, "no u.user row");
            var vocabulary = new IdMap(fixedClasses ?? names.Distinct().Order(StringComparer.Ordinal).ToList());
            var labels = TaskLabels.FromSingle([.. covered], [.. names.Select(n => vocabulary.GetDense(n, $"{name} class"))], vocabulary.Count);
            return new ContinualTask(name, ContinualTaskKind.Classification, vocabulary, labels, UserPartition.Random(labels.Users, fractions, seed, stream));
        }

        void NoteUncovered(string task, int covered, string why)
        {
            if (covered < users.Count)
            {
                report.Note($"{task}: {users.Count - covered} users not covered ({why})");
            }
        }
    }

    private static Func<int, string?> CategoryOf(CategoricalFeature feature) =>
        u => feature.Values[u] < 0 ? null : feature.Vocabulary.GetRaw(feature.Values[u]);
}
