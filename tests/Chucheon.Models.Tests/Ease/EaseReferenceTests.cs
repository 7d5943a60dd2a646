using Chucheon.Data;
using Chucheon.Models.Ease;
using Chucheon.TestKit;

namespace Chucheon.Models.Tests.Ease;

/// <summary>EASE checked against an independent computation: the closed form of Steck (2019) evaluated with a plain
/// Gauss–Jordan inverse in double precision, sharing no code with the model's Cholesky path.</summary>
public sealed class EaseReferenceTests
{
    [Fact]
    public void Weights_match_a_gauss_jordan_reference_on_a_small_catalog()
    {
        var random = new Random(11);
        const int users = 60;
        const int items = 23;
        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < users; u++)
        {
            for (var i = 0; i < items; i++)
            {
                // Uneven item popularity so that B is far from uniform.
                if (random.NextDouble() < 0.1 + (0.4 * i / items)) { rows.Add(u); cols.Add(i); }
            }
        }

        var train = Dataset(users, items, rows, cols);
        const double reg = 3;
        var model = new EaseModel(new EaseOptions { Reg = reg });
        model.Fit(train, new FitContext { Threads = 2 });

        var reference = ReferenceWeights(train.UserItems, items, reg);
        // Row i of B is the score vector of a user whose only item is i.
        var identity = CsrMatrix.FromCoordinates(items, items, Enumerable.Range(0, items).ToArray(), Enumerable.Range(0, items).ToArray(), []);
        var scores = new float[items * items];
        model.Score(Enumerable.Range(0, items).ToArray(), identity, scores);
        var largest = reference.Max(Math.Abs);
        for (var e = 0; e < scores.Length; e++)
        {
            Assert.True(Math.Abs(scores[e] - reference[e]) <= 1e-5 * largest, $"B[{e / items},{e % items}] = {scores[e]}, reference {reference[e]}");
        }

        // And the scores of the real users: x_u · B.
        var userScores = new float[users * items];
        model.Score(Enumerable.Range(0, users).ToArray(), train.UserItems, userScores);
        for (var u = 0; u < users; u++)
        {
            for (var j = 0; j < items; j++)
            {
                var expected = 0.0;
                foreach (var i in train.UserItems.RowIndices(u)) { expected += reference[(i * items) + j]; }
                AssertClose(expected, userScores[(u * items) + j]);
            }
        }
    }

    /// <summary>The bar: on ml-100k with a random 80/10/10 split per user, the model's NDCG@10 on the test
    /// part is within 3% of a dense closed-form EASE computed independently on the same split.</summary>
    [Fact]
    public void Ml100k_ndcg_at_10_is_within_3_percent_of_an_independent_dense_computation()
    {
        var (users, items, ratings) = ReadMl100k(SharedData.File("ml-100k", "u.data"));
        var (train, valid, test) = SplitPerUser(ratings, users, seed: 2024);
        var trainSet = Dataset(users, items, train.Select(p => p.User).ToList(), train.Select(p => p.Item).ToList());
        const double reg = 300;

        var model = new EaseModel(new EaseOptions { Reg = reg });
        model.Fit(trainSet, new FitContext { Threads = 2 });
        var modelScores = new float[users * items];
        model.Score(Enumerable.Range(0, users).ToArray(), trainSet.UserItems, modelScores);

        var weights = ReferenceWeights(trainSet.UserItems, items, reg);
        var referenceScores = new float[users * items];
        for (var u = 0; u < users; u++)
        {
            foreach (var i in trainSet.UserItems.RowIndices(u))
            {
                for (var j = 0; j < items; j++) { referenceScores[(u * items) + j] += (float)weights[(i * items) + j]; }
            }
        }

        var known = train.Concat(valid).ToHashSet();
        var modelNdcg = NdcgAt10(modelScores, users, items, known, test);
        var referenceNdcg = NdcgAt10(referenceScores, users, items, known, test);
        Assert.True(referenceNdcg > 0.1, $"reference NDCG@10 {referenceNdcg:F4} is implausibly low; the test itself is broken");
        Assert.True(Math.Abs(modelNdcg - referenceNdcg) <= 0.03 * referenceNdcg,
            $"EASE NDCG@10 {modelNdcg:F4} vs independent {referenceNdcg:F4}");
    }

    // B = −P / diag(P), diag(B) = 0, with P = (XᵀX + λI)⁻¹ from Gauss–Jordan elimination (binary X).
    internal static double[] ReferenceWeights(CsrMatrix userItems, int items, double reg)
    {
        var g = new double[items * items];
        for (var u = 0; u < userItems.Rows; u++)
        {
            foreach (var i in userItems.RowIndices(u))
            {
                foreach (var j in userItems.RowIndices(u)) { g[(i * items) + j] += 1; }
            }
        }

        for (var i = 0; i < items; i++) { g[(i * items) + i] += reg; }
        var p = GaussJordanInverse(g, items);
        var b = new double[items * items];
        for (var i = 0; i < items; i++)
        {
            for (var j = 0; j < items; j++)
            {
                b[(i * items) + j] = i == j ? 0 : -p[(i * items) + j] / p[(j * items) + j];
            }
        }

        return b;
    }

    // Textbook in-place Gauss–Jordan elimination (no pivoting needed: G is symmetric positive definite). After pivot
    // k, column k holds the inverse's entries; row operations use TensorPrimitives so the 1,682-item case stays quick.
    private static double[] GaussJordanInverse(double[] a, int n)
    {
        var m = (double[])a.Clone();
        for (var k = 0; k < n; k++)
        {
            var pivotRow = m.AsSpan(k * n, n);
            var pivot = m[(k * n) + k];
            m[(k * n) + k] = 1;
            System.Numerics.Tensors.TensorPrimitives.Multiply(pivotRow, 1 / pivot, pivotRow);
            for (var r = 0; r < n; r++)
            {
                var factor = m[(r * n) + k];
                if (r == k || factor == 0) { continue; }
                m[(r * n) + k] = 0;
                var row = m.AsSpan(r * n, n);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(pivotRow, -factor, row, row);
            }
        }

        return m;
    }

    // Mean NDCG@10 over users with test items; candidates exclude the user's train and validation items.
    private static double NdcgAt10(float[] scores, int users, int items, HashSet<(int User, int Item)> known, List<(int User, int Item)> test)
    {
        var relevant = test.GroupBy(p => p.User).ToDictionary(g => g.Key, g => g.Select(p => p.Item).ToHashSet());
        var total = 0.0;
        foreach (var (user, truth) in relevant)
        {
            var ranked = Enumerable.Range(0, items)
                .Where(i => !known.Contains((user, i)))
                .OrderByDescending(i => scores[(user * items) + i]).ThenBy(i => i)
                .Take(10).ToList();
            var dcg = ranked.Select((item, rank) => truth.Contains(item) ? 1 / Math.Log2(rank + 2) : 0).Sum();
            var ideal = Enumerable.Range(0, Math.Min(10, truth.Count)).Sum(rank => 1 / Math.Log2(rank + 2));
            total += dcg / ideal;
        }

        return total / relevant.Count;
    }

    // u.data: "user \t item \t rating \t timestamp", ids 1-based; every rating counts as an interaction.
    private static (int Users, int Items, List<(int User, int Item)> Pairs) ReadMl100k(string path)
    {
        var pairs = new List<(int, int)>();
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length < 2) { continue; }
            pairs.Add((int.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture) - 1,
                int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) - 1));
        }

        return (pairs.Max(p => p.Item1) + 1, pairs.Max(p => p.Item2) + 1, pairs);
    }

    // Each user's interactions shuffled with a fixed seed: first 80% train, next 10% validation, rest test.
    private static (List<(int User, int Item)> Train, List<(int User, int Item)> Valid, List<(int User, int Item)> Test)
        SplitPerUser(List<(int User, int Item)> pairs, int users, int seed)
    {
        var random = new Random(seed);
        var train = new List<(int, int)>();
        var valid = new List<(int, int)>();
        var test = new List<(int, int)>();
        foreach (var group in pairs.GroupBy(p => p.User).OrderBy(g => g.Key))
        {
            var items = group.Select(p => p.Item).Distinct().ToArray();
            random.Shuffle(items);
            var trainCount = (int)Math.Round(items.Length * 0.8);
            var validCount = (int)Math.Round(items.Length * 0.1);
            for (var i = 0; i < items.Length; i++)
            {
                var target = i < trainCount ? train : i < trainCount + validCount ? valid : test;
                target.Add((group.Key, items[i]));
            }
        }

        return (train, valid, test);
    }

    private static InteractionDataset Dataset(int users, int items, List<int> rows, List<int> cols) =>
        new("reference", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")), new InteractionLog([.. rows], [.. cols]));

    private static void AssertClose(double expected, float actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
