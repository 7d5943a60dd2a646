using BenchmarkDotNet.Attributes;
using Chucheon.Evaluation;

namespace Chucheon.Benchmarks;

/// <summary>Top-K selection over one catalog-sized score row (the per-user cost of full-ranking evaluation).</summary>
[MemoryDiagnoser]
public class TopKBenchmarks
{
    private float[] _scores = [];
    private int[] _indices = [];
    private float[] _top = [];

    [Params(3_628, 40_981)]
    public int Items { get; set; }

    [Params(20)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _scores = new float[Items];
        for (var i = 0; i < Items; i++) { _scores[i] = (float)random.NextDouble(); }
        _indices = new int[K];
        _top = new float[K];
    }

    [Benchmark]
    public int HeapSelect() => TopK.Select(_scores, K, _indices, _top);
}
