using Chucheon.Data;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Chucheon.Models.Als;
using Chucheon.Models.Bpr;
using Chucheon.Models.Factorization;

namespace Chucheon.Benchmarks;

/// <summary>Row-level kernels of the factor models at k = 64 (ML-1M sized item side: 3,628 items).</summary>
[MemoryDiagnoser]
public class FactorKernelBenchmarks
{
    private const int K = 64;
    private const int Items = 3_628;
    private float[] _items = [];
    private float[] _gram = [];
    private int[] _rows = [];
    private float[] _confidence = [];
    private float[] _x = [];
    private float[] _y = [];
    private float[] _floatScratch = [];
    private double[] _doubleScratch = [];
    private float[] _user = [];
    private float[] _bias = [];

    /// <summary>Observed items of the user whose row is solved (ML-1M's mean is ~98 in train).</summary>
    [Params(100, 1_000)]
    public int Observed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new SeededRandom(1);
        _items = Enumerable.Range(0, Items * K).Select(_ => (float)(random.NextGaussian() * 0.1)).ToArray();
        _gram = new float[K * K];
        FactorKernels.Gram(_items, Items, K, _gram);
        var order = Enumerable.Range(0, Items).ToArray();
        random.Shuffle(order.AsSpan());
        _rows = order[..Observed].Order().ToArray();
        _confidence = _rows.Select(_ => 4f).ToArray();
        _x = new float[K];
        _y = Enumerable.Range(0, K).Select(_ => (float)random.NextGaussian()).ToArray();
        _floatScratch = new float[3 * K];
        _doubleScratch = new double[(K * K) + K];
        _user = Enumerable.Range(0, K).Select(_ => (float)(random.NextGaussian() * 0.1)).ToArray();
        _bias = new float[Items];
    }

    /// <summary>One user's iALS row update: 3 warm-started CG steps (implicit's default).</summary>
    [Benchmark(Baseline = true)]
    public void CgThreeSteps()
    {
        _x.AsSpan().Clear();
        ImplicitLeastSquares.ConjugateGradient(_gram, 0.1f, _items, _rows, _confidence, _x, 3, _floatScratch);
    }

    /// <summary>The same row solved exactly (form A in O(n·k²), Cholesky in O(k³)): what fold-in pays.</summary>
    [Benchmark]
    public void ExactCholesky() => ImplicitLeastSquares.Exact(_gram, 0.1f, _items, _rows, _confidence, _x, _doubleScratch);

    /// <summary>Dot and axpy over every observed row: the per-entry cost inside a CG step.</summary>
    [Benchmark]
    public float DotAxpyRows()
    {
        var sum = 0f;
        foreach (var r in _rows)
        {
            var row = _items.AsSpan(r * K, K);
            var d = TensorPrimitives.Dot(row, _y);
            FactorKernels.Axpy(d * 1e-3f, row, _x);
            sum += d;
        }

        return sum;
    }

    /// <summary>One BPR SGD step per observed row (user fixed, negatives the next row).</summary>
    [Benchmark]
    public float BprSgdSteps()
    {
        var g = 0f;
        for (var e = 0; e + 1 < _rows.Length; e++)
        {
            g += BprSgd.Step(_user, _items.AsSpan(_rows[e] * K, K), _items.AsSpan(_rows[e + 1] * K, K),
                ref _bias[_rows[e]], ref _bias[_rows[e + 1]], 1e-4f, 0.01f, 0.01f, 0.01f);
        }

        return g;
    }
}

/// <summary>Scoring a batch of users against every item: packed panels vs one dot product per (user, item).</summary>
[MemoryDiagnoser]
public class FactorScoringBenchmarks
{
    private const int K = 64;
    private const int Users = 64;
    private float[] _items = [];
    private float[] _users = [];
    private float[] _scores = [];
    private PackedItemPanels? _panels;

    [Params(3_628, 40_981)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new SeededRandom(2);
        _items = Enumerable.Range(0, Items * K).Select(_ => (float)random.NextGaussian()).ToArray();
        _users = Enumerable.Range(0, Users * K).Select(_ => (float)random.NextGaussian()).ToArray();
        _scores = new float[Users * Items];
        _panels = new PackedItemPanels(_items, Items, K);
    }

    [Benchmark(Baseline = true)]
    public void DotPerItem()
    {
        for (var u = 0; u < Users; u++)
        {
            var x = _users.AsSpan(u * K, K);
            var row = _scores.AsSpan(u * Items, Items);
            for (var i = 0; i < Items; i++) { row[i] = TensorPrimitives.Dot(_items.AsSpan(i * K, K), x); }
        }
    }

    [Benchmark]
    public void PackedPanels() => _panels!.Score(_users, Users, _scores);

    /// <summary>YᵀY for the item side (once per iALS half-iteration).</summary>
    [Benchmark]
    public void Gram()
    {
        var gram = new float[K * K];
        FactorKernels.Gram(_items, Items, K, gram);
    }
}
