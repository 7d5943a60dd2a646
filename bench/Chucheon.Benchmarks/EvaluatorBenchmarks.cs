using BenchmarkDotNet.Attributes;
using Chucheon.Data;
using Chucheon.Evaluation;

namespace Chucheon.Benchmarks;

/// <summary>Full-ranking evaluation at MovieLens-1M scale (about 6000 users × 3600 items, ~160 interactions per user)
/// with a random 64-factor scorer. <see cref="ScoreOnly"/> is the floor: the scorer's own cost for the same batches,
/// so the difference is what exclusion, top-K and metrics add.</summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private const int Users = 6_000;
    private const int Items = 3_600;
    private const int Dimensions = 64;

    private DataSplit _split = null!;
    private RandomFactorScorer _scorer = null!;
    private EvaluationSpec _spec = null!;
    private float[] _scoreBuffer = [];
    private int[] _allUsers = [];

    [Params(64, 256)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _split = BuildSplit(seed: 1);
        _scorer = new RandomFactorScorer(Users, Items, Dimensions, seed: 2);
        _spec = new EvaluationSpec
        {
            Metrics = ["Recall", "NDCG", "MRR", "MAP", "Precision", "Hit", "Coverage", "AveragePopularity"],
            K = [10, 20, 50],
            BatchSize = BatchSize,
        };
        _scoreBuffer = new float[BatchSize * Items];
        _allUsers = Enumerable.Range(0, Users).ToArray();

        // Build the split's cached matrices outside the measurement.
        _ = _split.EvaluationHistory;
    }

    [Benchmark]
    public double FullRanking() =>
        RankingEvaluator.Evaluate(_scorer, _split, _spec, EvaluationTarget.Test, seed: 3)["NDCG@10"];

    [Benchmark(Baseline = true)]
    public float ScoreOnly()
    {
        var history = _split.EvaluationHistory;
        var sink = 0f;
        for (var start = 0; start < Users; start += BatchSize)
        {
            var count = Math.Min(BatchSize, Users - start);
            _scorer.Score(_allUsers.AsSpan(start, count), history, _scoreBuffer.AsSpan(0, count * Items));
            sink += _scoreBuffer[0];
        }

        return sink;
    }

    /// <summary>Each user gets ~160 distinct random items, split 80 / 10 / 10 into train, validation and test.</summary>
    private static DataSplit BuildSplit(int seed)
    {
        var random = new Random(seed);
        List<int> trainUsers = [], trainItems = [], validUsers = [], validItems = [], testUsers = [], testItems = [];
        var chosen = new HashSet<int>();
        for (var u = 0; u < Users; u++)
        {
            chosen.Clear();
            var count = random.Next(20, 300);
            while (chosen.Count < count) { chosen.Add(random.Next(Items)); }
            foreach (var item in chosen)
            {
                var roll = random.NextDouble();
                var (users, items) = roll < 0.8 ? (trainUsers, trainItems) : roll < 0.9 ? (validUsers, validItems) : (testUsers, testItems);
                users.Add(u);
                items.Add(item);
            }
        }

        var dataset = new InteractionDataset("bench",
            new IdMap(Enumerable.Range(0, Users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, Items).Select(i => $"i{i}")),
            new InteractionLog([.. trainUsers], [.. trainItems]));
        return new DataSplit(dataset, new InteractionLog([.. validUsers], [.. validItems]),
            new InteractionLog([.. testUsers], [.. testItems]), FoldIn: null, "random-80-10-10");
    }
}
