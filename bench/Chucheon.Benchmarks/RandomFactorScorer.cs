using System.Numerics.Tensors;
using Chucheon.Data;
using Chucheon.Evaluation;

namespace Chucheon.Benchmarks;

/// <summary>A stand-in factor model: random user and item vectors, score = dot product. Costs what a real matrix
/// factorisation costs at scoring time without needing a fit, so benchmarks measure evaluation, not training.</summary>
internal sealed class RandomFactorScorer : IItemScorer
{
    private readonly float[] _userFactors;
    private readonly float[] _itemFactors;
    private readonly int _dimensions;

    public RandomFactorScorer(int users, int items, int dimensions, int seed)
    {
        var random = new Random(seed);
        _dimensions = dimensions;
        _userFactors = new float[users * dimensions];
        _itemFactors = new float[items * dimensions];
        foreach (var factors in (float[][])[_userFactors, _itemFactors])
        {
            for (var i = 0; i < factors.Length; i++) { factors[i] = (float)(random.NextDouble() - 0.5); }
        }

        ItemCount = items;
    }

    public int ItemCount { get; }

    public unsafe void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        // Rows are scored in parallel, as a real model would; spans cannot enter a lambda, so the pinned block is
        // passed as an address and the ids as an array.
        var ids = users.ToArray();
        fixed (float* block = scores)
        {
            var address = (nint)block;
            Parallel.For(0, ids.Length, row =>
            {
                var user = _userFactors.AsSpan(ids[row] * _dimensions, _dimensions);
                var output = new Span<float>((float*)address + ((long)row * ItemCount), ItemCount);
                for (var item = 0; item < ItemCount; item++)
                {
                    output[item] = TensorPrimitives.Dot(user, _itemFactors.AsSpan(item * _dimensions, _dimensions));
                }
            });
        }
    }
}
