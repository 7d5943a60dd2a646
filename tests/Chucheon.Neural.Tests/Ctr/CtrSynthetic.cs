using Chucheon.Data;
using Chucheon.Data.Ctr;

namespace Chucheon.Neural.Tests.Ctr;

/// <summary>Small CTR datasets whose label is a known function of the fields, for learning tests.</summary>
internal static class CtrSynthetic
{
    /// <summary>Fields a (5 values), b (5 values), noise (10 values); <paramref name="interaction"/>: click iff a == b
    /// (no first-order signal at all); otherwise click iff a &lt; 2 (first-order only). 10% of labels flipped.</summary>
    public static CtrDataset Make(int rows, int seed, bool interaction = true)
    {
        var layout = new CtrLayout(["a", "b", "noise"], [5, 5, 10], [1, 1, 1]);
        var random = SeededRandom.Derive(seed, 99);
        var indices = new long[rows * 3];
        var values = new float[rows * 3];
        var labels = new float[rows];
        var groups = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            // Draw b equal to a half of the time so clicks and non-clicks are balanced.
            var a = random.NextInt(5);
            var b = random.NextDouble() < 0.5 ? a : random.NextInt(5);
            var noise = random.NextInt(10);
            indices[r * 3] = a;
            indices[(r * 3) + 1] = 5 + b;
            indices[(r * 3) + 2] = 10 + noise;
            values.AsSpan(r * 3, 3).Fill(1f);
            var click = interaction ? a == b : a < 2;
            if (random.NextDouble() < 0.1) { click = !click; }
            labels[r] = click ? 1 : 0;
            groups[r] = noise;
        }

        return new CtrDataset(layout, indices, values, labels, groups);
    }
}
