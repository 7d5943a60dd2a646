namespace Chucheon.Data.Continual;

/// <summary>A task whose labels carry no signal: a random share of users, each given one of a fixed number of random
/// classes. Inserted into a stream it tests whether a method protects what it learned from a harmful task.</summary>
/// <remarks>TERACON (Kim et al., KDD 2023, §5.5) samples 50% of the users and 50 classes; those are the defaults.</remarks>
public static class NoisyTask
{
    public const string DefaultName = "noisy";

    /// <summary>Generator streams under the seed, so changing one choice (class count) never moves another (which users).</summary>
    private const long UserStream = 1, ClassStream = 2, PartitionStream = 3;

    public static ContinualTask Create(UserSequences sequences, long seed, double userFraction = 0.5, int classCount = 50,
        PartitionFractions? fractions = null, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (!(userFraction > 0 && userFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(userFraction), userFraction, "Must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var count = Math.Max(1, (int)Math.Round(sequences.UserCount * userFraction, MidpointRounding.AwayFromZero));
        var pool = Enumerable.Range(0, sequences.UserCount).ToArray();
        var pick = SeededRandom.Derive(seed, UserStream);
        pick.Shuffle(pool.AsSpan());
        var users = pool[..count];
        Array.Sort(users);

        var draw = SeededRandom.Derive(seed, ClassStream);
        var classes = new int[count];
        for (var r = 0; r < count; r++) { classes[r] = draw.NextInt(classCount); }

        var vocabulary = new IdMap(Enumerable.Range(0, classCount).Select(c => $"class-{c}"));
        var partition = UserPartition.Random(users, fractions ?? PartitionFractions.Default, seed, PartitionStream);
        return new ContinualTask(name, ContinualTaskKind.Classification, vocabulary, TaskLabels.FromSingle(users, classes, classCount), partition);
    }
}
