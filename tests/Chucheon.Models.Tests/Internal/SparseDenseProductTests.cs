using Chucheon.Data;
using Chucheon.Models.Internal;

namespace Chucheon.Models.Tests.Internal;

public sealed class SparseDenseProductTests
{
    // 150 columns: two full 64-wide panels and a padded one (with 256-bit vectors), so every path is covered.
    [Theory]
    [InlineData(150, 1)]
    [InlineData(150, 2)]
    [InlineData(7, 2)]
    public void Sum_of_weight_rows_matches_a_scalar_product(int n, int threads)
    {
        var random = new Random(n);
        var dense = new float[n * n];
        for (var i = 0; i < dense.Length; i++) { dense[i] = (float)(random.NextDouble() - 0.5); }
        var panels = PanelMatrix.FromRowMajor(dense, n);
        Assert.Equal(dense, panels.ToRowMajor());

        // Users 0-9 with random items, some beyond the catalog; user 10 empty; user 12 beyond the history rows.
        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < 10; u++)
        {
            foreach (var i in Enumerable.Range(0, 12).Select(_ => random.Next(n + 3)).Distinct())
            {
                rows.Add(u);
                cols.Add(i);
            }
        }

        var history = CsrMatrix.FromCoordinates(11, n + 3, [.. rows], [.. cols], []);
        int[] users = [3, 10, 12, 0, 9];
        var output = new float[users.Length * n];
        Array.Fill(output, float.NaN);
        SparseDenseProduct.Multiply(panels, history, users, output, threads);

        for (var r = 0; r < users.Length; r++)
        {
            for (var j = 0; j < n; j++)
            {
                var expected = 0f;
                if (users[r] < history.Rows)
                {
                    foreach (var i in history.RowIndices(users[r]))
                    {
                        if (i < n) { expected += dense[(i * n) + j]; }
                    }
                }

                Assert.True(Math.Abs(expected - output[(r * n) + j]) < 1e-4, $"user {users[r]}, item {j}: {output[(r * n) + j]} vs {expected}");
            }
        }
    }
}
