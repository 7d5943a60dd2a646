using Chucheon.Data;

namespace Chucheon.Models.Baselines;

/// <summary>Uniformly random scores: the floor every model must clear.</summary>
/// <remarks>A score is a hash of (seed, user, item), so it does not depend on batching or thread order.</remarks>
public sealed class RandomRecommender(RandomOptions options) : IRecommender
{
    public const string AliasName = "random";

    private ulong _seed;

    public string Alias => AliasName;

    public IModelOptions Options => options;

    public int ItemCount { get; private set; }

    public void Fit(InteractionDataset train, FitContext context)
    {
        ItemCount = train.ItemCount;
        _seed = (ulong)context.Seed;
    }

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        for (var row = 0; row < users.Length; row++)
        {
            var rowScores = scores.Slice(row * ItemCount, ItemCount);
            var userKey = Mix(_seed ^ ((ulong)(uint)users[row] * 0x9E3779B97F4A7C15UL));
            for (var i = 0; i < rowScores.Length; i++)
            {
                rowScores[i] = (Mix(userKey + (ulong)i) >> 40) * (1f / (1 << 24));
            }
        }
    }

    // SplitMix64 finaliser: a cheap, well-mixed hash.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void Save(ArtifactWriter writer) => writer.Write("state", [(int)(_seed & 0x7FFFFFFF), (int)(_seed >> 31), ItemCount]);

    public static RandomRecommender Load(RandomOptions options, ArtifactReader reader)
    {
        var state = reader.ReadInts("state");
        return new RandomRecommender(options) { _seed = (uint)state[0] | ((ulong)(uint)state[1] << 31), ItemCount = state[2] };
    }
}
