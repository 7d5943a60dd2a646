using BenchmarkDotNet.Attributes;
using Chucheon.Data;
using Chucheon.Models;
using Chucheon.Models.Internal;
using Chucheon.Models.Knn;

namespace Chucheon.Benchmarks;

/// <summary>Scoring one batch of 256 users over 3,628 items with ~98 history items each (ml-1m's shape): sparse rows
/// × dense EASE weights (panel layout), and sparse rows × the sparse item-kNN similarity.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SparseScoringBenchmarks
{
    private const int Items = 3_628;
    private const int Users = 256;
    private PanelMatrix _weights = new(0);
    private CsrMatrix _history = CsrMatrix.Empty(0, 0);
    private ItemKnnModel _knn = new(new ItemKnnOptions());
    private readonly int[] _users = Enumerable.Range(0, Users).ToArray();
    private readonly float[] _scores = new float[Users * Items];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        var dense = new float[Items * Items];
        for (var i = 0; i < dense.Length; i++) { dense[i] = (float)(random.NextDouble() - 0.5); }
        _weights = PanelMatrix.FromRowMajor(dense, Items);

        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < 2_000; u++)
        {
            foreach (var i in Enumerable.Range(0, 98).Select(_ => random.Next(Items)).Distinct())
            {
                rows.Add(u);
                cols.Add(i);
            }
        }

        _history = CsrMatrix.FromCoordinates(2_000, Items, [.. rows], [.. cols], []);
        var train = new InteractionDataset("bench", new IdMap(Enumerable.Range(0, 2_000).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, Items).Select(i => $"i{i}")), new InteractionLog([.. rows], [.. cols]));
        _knn = new ItemKnnModel(new ItemKnnOptions { K = 30 });
        _knn.Fit(train, new FitContext { Threads = Threads });
    }

    [Benchmark(Description = "EASE: sparse rows x dense panels")]
    public float EaseBatch()
    {
        SparseDenseProduct.Multiply(_weights, _history, _users, _scores, Threads);
        return _scores[0];
    }

    [Benchmark(Description = "item kNN: sparse rows x sparse similarity (k=30)")]
    public float ItemKnnBatch()
    {
        _knn.Score(_users, _history, _scores);
        return _scores[0];
    }
}
