using Chucheon.Data;
using Chucheon.TestKit;

namespace Chucheon.Models.Tests;

/// <summary>The contract every registered model must meet, run for each alias in <see cref="ModelRegistry.All"/> (so
/// models merged from other branches are covered without edits here): on the checkerboard the held-out item ranks
/// first, a save/load round trip through <see cref="ModelBundle"/> scores identically, fitting with one seed is
/// reproducible, and cold users / unknown items do not break scoring.</summary>
public sealed class RecommenderContractTests
{
    /// <summary>Tiny-data settings per alias, for models whose defaults are sized for real catalogs (e.g. fewer
    /// factors, more iterations). Keys are the model's snake_case option keys.</summary>
    private static readonly Dictionary<string, Dictionary<string, object?>> Overrides = new(StringComparer.OrdinalIgnoreCase)
    {
        ["itemknn"] = new() { ["k"] = 20 },
        ["userknn"] = new() { ["k"] = 20 },
    };

    /// <summary>Aliases exempt from the ranking check, with the reason. Everything else must rank the held-out item first.</summary>
    private static readonly Dictionary<string, string> NotPersonalized = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pop"] = "popularity ranks items the same for every user; the checkerboard has no popular held-out item",
        ["popularity"] = "popularity ranks items the same for every user; the checkerboard has no popular held-out item",
        ["random"] = "random scores carry no signal by design",
    };

    /// <summary>Aliases whose options need data-specific settings (feature columns, sequence lengths) that the
    /// checkerboard cannot supply, with the reason.</summary>
    private static readonly Dictionary<string, string> NeedsDataSpecificOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["genre-pop"] = "needs a 'genres' item feature, which the checkerboard does not have (covered by GenrePopularityTests)",
    };

    public static TheoryData<string> Aliases() => new(ContractAliases());

    public static TheoryData<string> PersonalizedAliases() => new(ContractAliases().Where(a => !NotPersonalized.ContainsKey(a)));

    private static IEnumerable<string> ContractAliases() =>
        ModelRegistry.All.Select(r => r.Alias).Where(a => !NeedsDataSpecificOptions.ContainsKey(a)).Order(StringComparer.Ordinal);

    [Fact]
    public void The_classic_models_are_registered()
    {
        var aliases = ModelRegistry.All.Select(r => r.Alias).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "ease", "itemknn", "userknn" }, aliases);
    }

    [Theory]
    [MemberData(nameof(PersonalizedAliases))]
    public void Held_out_item_ranks_first_among_unseen_items(string alias)
    {
        var board = new Checkerboard();
        var model = FitOn(alias, board.Train, seed: 1);
        var users = board.WarmUsers;
        var scores = Score(model, users, board.Train.UserItems);

        var n = model.ItemCount;
        for (var r = 0; r < users.Length; r++)
        {
            var user = users[r];
            var row = scores.AsSpan(r * n, n);
            var heldOut = board.HeldOut[user];
            for (var item = 0; item < n; item++)
            {
                if (item == heldOut || board.Train.UserItems.Contains(user, item)) { continue; }
                Assert.True(row[heldOut] > row[item],
                    $"{alias}: user {user} scores unseen item {item} at {row[item]}, not below held-out item {heldOut} ({row[heldOut]}).");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Save_and_load_through_a_bundle_gives_identical_scores(string alias)
    {
        var board = new Checkerboard();
        var model = FitOn(alias, board.Train, seed: 1);
        var users = Enumerable.Range(0, board.Train.UserCount).ToArray();
        var before = Score(model, users, board.Train.UserItems);

        using var directory = new TempDirectory();
        new ModelBundle(model, board.Train.Users, board.Train.Items, board.Train.UserItems).Save(directory.Path);
        var loaded = ModelBundle.Load(directory.Path);

        Assert.Equal(alias, loaded.Model.Alias);
        Assert.Equal(model.ItemCount, loaded.Model.ItemCount);
        Assert.Equal(before, Score(loaded.Model, users, loaded.History));
    }

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Fitting_twice_with_one_seed_gives_identical_scores(string alias)
    {
        var board = new Checkerboard();
        var users = Enumerable.Range(0, board.Train.UserCount).ToArray();
        var first = Score(FitOn(alias, board.Train, seed: 7), users, board.Train.UserItems);
        var second = Score(FitOn(alias, board.Train, seed: 7), users, board.Train.UserItems);
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Cold_users_and_unknown_items_do_not_break_scoring(string alias)
    {
        var board = new Checkerboard();
        var model = FitOn(alias, board.Train, seed: 1);
        var trainUsers = board.Train.UserCount;
        var trainItems = board.Train.ItemCount;

        // Scoring-time history with two users the fit never saw and three items beyond the catalog: the cold
        // training user stays empty, new user A has only unknown items, new user B mixes known and unknown ones.
        var newA = trainUsers;
        var newB = trainUsers + 1;
        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < trainUsers; u++)
        {
            foreach (var i in board.Train.UserItems.RowIndices(u)) { rows.Add(u); cols.Add(i); }
        }

        rows.AddRange([newA, newA, newB, newB, newB]);
        cols.AddRange([trainItems, trainItems + 2, 0, 1, trainItems + 1]);
        var history = CsrMatrix.FromCoordinates(trainUsers + 2, trainItems + 3, [.. rows], [.. cols], []);

        int[] users = [board.ColdUser, newA, newB, 0];
        var scores = Score(model, users, history);
        Assert.All(scores, s => Assert.True(float.IsFinite(s), $"{alias} produced a non-finite score."));

        var top = Recommendations.Recommend(model, users, history, k: 5);
        Assert.Equal(users.Length, top.Length);
        Assert.All(top, list => Assert.All(list, item => Assert.InRange(item.Item, 0, trainItems - 1)));
    }

    private static IRecommender FitOn(string alias, InteractionDataset train, int seed)
    {
        var model = ModelRegistry.Create(alias, Overrides.GetValueOrDefault(alias) ?? new Dictionary<string, object?>());
        model.Fit(train, new FitContext { Seed = seed, Threads = 2 });
        return model;
    }

    private static float[] Score(IRecommender model, int[] users, CsrMatrix history)
    {
        var scores = new float[users.Length * model.ItemCount];
        model.Score(users, history, scores);
        return scores;
    }
}
