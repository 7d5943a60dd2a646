using BenchmarkDotNet.Attributes;
using Chucheon.Models.Internal;

namespace Chucheon.Benchmarks;

/// <summary>Cholesky factor and full SPD inverse of a 3,600×3,600 Gram-like matrix (EASE's fit at ml-1m scale).
/// Each invocation works on a fresh copy made outside the measurement.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class CholeskyBenchmarks
{
    private double[] _matrix = [];
    private double[] _work = [];

    [Params(3_600)]
    public int N { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Binary co-occurrence of 2,000 random "users" with 100 items each, plus a ridge: the shape of XᵀX + λI.
        var random = new Random(1);
        _matrix = new double[(long)N * N];
        for (var u = 0; u < 2_000; u++)
        {
            var items = Enumerable.Range(0, 100).Select(_ => random.Next(N)).Distinct().ToArray();
            foreach (var i in items)
            {
                foreach (var j in items) { _matrix[((long)i * N) + j] += 1; }
            }
        }

        for (var i = 0; i < N; i++) { _matrix[((long)i * N) + i] += 500; }
        _work = new double[_matrix.Length];
    }

    [IterationSetup]
    public void Copy() => _matrix.CopyTo(_work, 0);

    [Benchmark(Description = "Cholesky factor (potrf)")]
    public void Factor() => SpdInverse.Factor(_work, N, new ParallelOptions { MaxDegreeOfParallelism = Threads });

    [Benchmark(Description = "SPD inverse (factor + L^-T + X*X^T)")]
    public void Invert() => SpdInverse.Invert(_work, N, new ParallelOptions { MaxDegreeOfParallelism = Threads });
}
