using Chucheon.Data;
using Chucheon.Models.Knn;
using static Chucheon.Models.Tests.Knn.KnnReference;

namespace Chucheon.Models.Tests.Knn;

/// <summary>User kNN neighbours against brute force, and fold-in of users unseen in training.</summary>
public sealed class UserKnnTests
{
    [Fact]
    public void User_neighbours_match_a_brute_force_shrunk_cosine()
    {
        var train = RandomCounts(users: 35, items: 20, seed: 5);
        var options = new UserKnnOptions { K = 100, Shrink = 1, Weighting = KnnWeighting.Tfidf };
        var model = new UserKnnModel(options);
        model.Fit(train, new FitContext());

        var expected = BruteForceSimilarities(train.UserItems, options);
        for (var u = 0; u < train.UserCount; u++)
        {
            for (var v = 0; v < train.UserCount; v++)
            {
                var position = model.Neighbours.RowIndices(u).BinarySearch(v);
                var actual = position >= 0 ? model.Neighbours.RowValues(u)[position] : 0f;
                Assert.True(Math.Abs(expected[u, v] - actual) < 1e-5, $"sim({u},{v}) = {actual}, expected {expected[u, v]}");
            }
        }
    }

    [Fact]
    public void A_user_unseen_in_training_is_folded_in_from_the_history_row()
    {
        var train = RandomCounts(users: 30, items: 15, seed: 8);
        var options = new UserKnnOptions { K = 5, Shrink = 0.5, Weighting = KnnWeighting.Bm25 };
        var model = new UserKnnModel(options);
        model.Fit(train, new FitContext());

        // A new user (id 30) whose history copies user 7's row: it is folded in, and its nearest neighbour must be
        // user 7 itself with the top similarity; its scores follow from those neighbours.
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<float>();
        for (var u = 0; u < train.UserCount; u++)
        {
            var items = train.UserItems.RowIndices(u);
            for (var p = 0; p < items.Length; p++) { rows.Add(u); cols.Add(items[p]); vals.Add(train.UserItems.RowValues(u)[p]); }
        }

        var items7 = train.UserItems.RowIndices(7);
        for (var p = 0; p < items7.Length; p++) { rows.Add(30); cols.Add(items7[p]); vals.Add(train.UserItems.RowValues(7)[p]); }
        var history = CsrMatrix.FromCoordinates(31, train.ItemCount, [.. rows], [.. cols], [.. vals]);

        var expected = BruteForceSimilarities(train.UserItems, options);
        var top = Enumerable.Range(0, train.UserCount).Select(v => (v, s: v == 7 ? float.MaxValue : expected[7, v]))
            .Where(x => x.s > 0).OrderByDescending(x => x.s).ThenBy(x => x.v).Take(5).ToArray();

        var scores = new float[train.ItemCount];
        model.Score([30], history, scores);
        for (var j = 0; j < train.ItemCount; j++)
        {
            var sum = 0.0;
            foreach (var (v, _) in top)
            {
                var q = train.UserItems.RowIndices(v).BinarySearch(j);
                var sim = v == 7 ? SelfSimilarity(train.UserItems, 7, options) : expected[7, v];
                if (q >= 0) { sum += sim * train.UserItems.RowValues(v)[q]; }
            }

            AssertClose(sum, scores[j]);
        }
    }
}
