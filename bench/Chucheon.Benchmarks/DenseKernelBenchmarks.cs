using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Chucheon.Models.Internal;

namespace Chucheon.Benchmarks;

/// <summary>Vector kernels at EASE's catalog size (ml-1m: 3,628 items): dot products and axpy, and the 4×4 tile of
/// row dot products that carries the Cholesky inverse (16 dots per pass over 8 rows).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DenseKernelBenchmarks
{
    private double[] _rows = [];
    private float[] _x = [];
    private float[] _y = [];
    private readonly double[] _tile = new double[16];
    private readonly long[] _left = new long[4];
    private readonly long[] _right = new long[4];

    [Params(3_628)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _rows = new double[8 * Length];
        for (var i = 0; i < _rows.Length; i++) { _rows[i] = random.NextDouble(); }
        _x = new float[Length];
        _y = new float[Length];
        for (var i = 0; i < Length; i++) { _x[i] = (float)random.NextDouble(); _y[i] = (float)random.NextDouble(); }
        for (var r = 0; r < 4; r++) { _left[r] = r * Length; _right[r] = (4 + r) * Length; }
    }

    [Benchmark(Description = "dot f64 (TensorPrimitives)")]
    public double DotDoubleTensorPrimitives() => TensorPrimitives.Dot<double>(_rows.AsSpan(0, Length), _rows.AsSpan(Length, Length));

    [Benchmark(Description = "16 dots f64 as one 4x4 tile")]
    public double DotTile()
    {
        DenseKernels.DotTile(ref _rows[0], _left, _right, Length, _tile);
        return _tile[15];
    }

    [Benchmark(Description = "axpy f32 (TensorPrimitives)")]
    public float Axpy()
    {
        TensorPrimitives.MultiplyAdd(_x, 0.5f, _y, _y);
        return _y[0];
    }
}
