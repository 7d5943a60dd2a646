using Chucheon.Configuration;
using Chucheon.Data.Filters;
using Chucheon.Data.Tests.Support;

namespace Chucheon.Data.Tests.Filters;

public class DatasetFiltersTests
{
    [Fact]
    public void Time_window_is_inclusive_at_both_ends()
    {
        var data = TinyData.Build(("a", "x", 10), ("a", "y", 20), ("b", "x", 30), ("b", "z", 40));

        var (result, report) = DatasetFilters.Apply(data, new FilterSpec { TimeStart = 20, TimeEnd = 30 });

        Assert.Equal([("a", "y", 20L), ("b", "x", 30L)], TinyData.Rows(result, result.Log));
        var step = Assert.Single(report.Steps);
        Assert.Equal(new FilterStepReport("time-window", 2, 0, 1), step);
    }

    [Fact]
    public void Min_rating_keeps_ratings_at_or_above_the_threshold()
    {
        var data = TinyData.Build(("a", "x", 5f, 1), ("a", "y", 3.5f, 2), ("b", "x", 4f, 3), ("b", "y", 2f, 4));

        var (result, report) = DatasetFilters.Apply(data, new FilterSpec { MinRating = 4 });

        Assert.Equal(["a:x", "b:x"], TinyData.Pairs(result, result.Log));
        Assert.Equal([5f, 4f], result.Log.Ratings!);
        Assert.Equal(new FilterStepReport("min-rating", 2, 0, 1), Assert.Single(report.Steps));
    }

    [Fact]
    public void Dedupe_first_keeps_the_earliest_occurrence_and_file_order_breaks_ties()
    {
        var data = TinyData.Build(
            ("u", "i", 5f, 50), ("u", "i", 3f, 30), ("u", "i", 4f, 30), ("u", "j", 1f, 10),
            ("v", "k", 1f, 70), ("v", "k", 2f, 70));

        var (result, _) = DatasetFilters.Apply(data, new FilterSpec { Dedupe = DedupePolicy.First });

        // u:i at t=30 twice: the one earlier in the file (rating 3) wins; v:k tied at 70: rating 1 (first in file).
        Assert.Equal([3f, 1f, 1f], result.Log.Ratings!);
        Assert.Equal(["u:i", "u:j", "v:k"], TinyData.Pairs(result, result.Log));
    }

    [Fact]
    public void Dedupe_last_keeps_the_latest_occurrence_and_file_order_breaks_ties()
    {
        var data = TinyData.Build(
            ("u", "i", 5f, 50), ("u", "i", 3f, 30), ("u", "i", 4f, 30), ("u", "j", 1f, 10),
            ("v", "k", 1f, 70), ("v", "k", 2f, 70));

        var (result, report) = DatasetFilters.Apply(data, new FilterSpec { Dedupe = DedupePolicy.Last });

        // u:i latest is t=50 (rating 5); v:k tied at 70: the later row in the file (rating 2). Source order is kept.
        Assert.Equal([5f, 1f, 2f], result.Log.Ratings!);
        Assert.Equal(new FilterStepReport("dedupe", 3, 0, 0), Assert.Single(report.Steps));
    }

    [Fact]
    public void Max_user_interactions_removes_heavy_users_entirely()
    {
        var data = TinyData.Build(("bot", "x", 1), ("bot", "y", 2), ("bot", "z", 3), ("a", "x", 4), ("a", "y", 5));

        var (result, report) = DatasetFilters.Apply(data, new FilterSpec { MaxUserInteractions = 2 });

        Assert.Equal(["a:x", "a:y"], TinyData.Pairs(result, result.Log));
        Assert.Equal(new FilterStepReport("max-user-interactions", 3, 1, 1), Assert.Single(report.Steps));
    }

    [Fact]
    public void K_core_iterates_until_every_remaining_user_and_item_qualifies()
    {
        // One pass (users, then items) would leave c with the single row c:x: removing z strips c below 2, and
        // removing c then lowers x. The fixed point keeps only a and b.
        var data = TinyData.Build(
            ("d", "w", 1), ("a", "x", 2), ("c", "z", 3), ("a", "y", 4), ("b", "x", 5), ("b", "y", 6), ("c", "x", 7));

        var (result, report) = DatasetFilters.Apply(data, new FilterSpec { MinUserInteractions = 2, MinItemInteractions = 2 });

        Assert.Equal(["a:x", "a:y", "b:x", "b:y"], TinyData.Pairs(result, result.Log));
        var step = Assert.Single(report.Steps);
        Assert.Equal(("k-core", 3, 2, 2), (step.Step, step.RowsRemoved, step.UsersRemoved, step.ItemsRemoved));
        Assert.Equal((7, 4, 4, 4, 2, 2), (report.InputRows, report.InputUsers, report.InputItems, report.OutputRows, report.OutputUsers, report.OutputItems));
    }

    [Fact]
    public void Compaction_keeps_relative_id_order_and_only_entities_with_rows()
    {
        var data = TinyData.Build(
            ("d", "w", 1), ("a", "x", 2), ("c", "z", 3), ("a", "y", 4), ("b", "x", 5), ("b", "y", 6), ("c", "x", 7));

        var (result, _) = DatasetFilters.Apply(data, new FilterSpec { MinUserInteractions = 2, MinItemInteractions = 2 });

        Assert.Equal(["a", "b"], result.Users.RawIds);
        Assert.Equal(["x", "y"], result.Items.RawIds);
        Assert.Equal([0, 0, 1, 1], result.Log.Users);
        Assert.Equal([0, 1, 0, 1], result.Log.Items);
        Assert.Equal([2L, 4, 5, 6], result.Log.Timestamps!);
    }

    [Fact]
    public void Compaction_carries_every_kind_of_feature_with_its_entity()
    {
        var data = TinyData.Build(
            ("d", "w", 1), ("a", "x", 2), ("c", "z", 3), ("a", "y", 4), ("b", "x", 5), ("b", "y", 6), ("c", "x", 7));
        var genres = new IdMap(["drama", "comedy", "horror"]);
        var itemFeatures = new FeatureTable(4); // items in first-seen order: w, x, z, y
        itemFeatures.Add(new CategoricalFeature("genre", genres, [2, 0, -1, 1]));
        itemFeatures.Add(MultiCategoricalFeature.FromLists("tags", genres, [[2], [0, 1], [], [1, 2]]));
        itemFeatures.Add(new NumericFeature("year", [1990, 1995, float.NaN, 2001]));
        itemFeatures.Add(new TextFeature("title", ["W", "X", null, "Y"]));
        var userFeatures = new FeatureTable(4); // users: d, a, c, b
        userFeatures.Add(new NumericFeature("age", [40, 20, 30, 25]));
        data = new InteractionDataset(data.Name, data.Users, data.Items, data.Log, userFeatures, itemFeatures);

        var (result, _) = DatasetFilters.Apply(data, new FilterSpec { MinUserInteractions = 2, MinItemInteractions = 2 });

        var items = result.ItemFeatures!;
        Assert.Equal(2, items.Rows);
        Assert.Equal([0, 1], ((CategoricalFeature)items["genre"]).Values);
        var tags = (MultiCategoricalFeature)items["tags"];
        Assert.Equal([0, 1], tags.Of(0).ToArray());
        Assert.Equal([1, 2], tags.Of(1).ToArray());
        Assert.Equal([1995f, 2001f], ((NumericFeature)items["year"]).Values);
        Assert.Equal<string?>(["X", "Y"], ((TextFeature)items["title"]).Values.AsEnumerable());
        Assert.Same(genres, ((CategoricalFeature)items["genre"]).Vocabulary);
        Assert.Equal([20f, 25f], ((NumericFeature)result.UserFeatures!["age"]).Values);
    }

    [Fact]
    public void Ids_without_rows_are_reported_and_dropped_even_when_no_filter_is_set()
    {
        var data = TinyData.Build(("a", "x", 1), ("b", "y", 2));
        data.Items.GetOrAdd("never-rated");

        var (result, report) = DatasetFilters.Apply(data, new FilterSpec());

        Assert.Equal(["x", "y"], result.Items.RawIds);
        Assert.Equal(new FilterStepReport("unused-ids", 0, 0, 1, "ids in the id maps without any interaction"), Assert.Single(report.Steps));
        Assert.Equal(data.Log.Timestamps, result.Log.Timestamps);
        Assert.NotSame(data.Log.Timestamps, result.Log.Timestamps);
    }

    [Fact]
    public void Steps_run_in_the_documented_order_and_removals_add_up()
    {
        var data = TinyData.Build(
            ("a", "x", 5f, 5), ("a", "y", 4f, 6), ("a", "x", 5f, 7), ("b", "x", 1f, 8), ("b", "y", 5f, 9),
            ("c", "x", 5f, 10), ("c", "y", 5f, 11), ("a", "z", 5f, 99));

        var (result, report) = DatasetFilters.Apply(data, new FilterSpec
        {
            TimeEnd = 50, MinRating = 4, Dedupe = DedupePolicy.First, MaxUserInteractions = 10, MinUserInteractions = 2, MinItemInteractions = 2,
        });

        Assert.Equal(["time-window", "min-rating", "dedupe", "max-user-interactions", "k-core"], report.Steps.Select(s => s.Step));
        Assert.Equal(report.InputRows - report.OutputRows, report.Steps.Sum(s => s.RowsRemoved));
        Assert.Equal(report.InputUsers - report.OutputUsers, report.Steps.Sum(s => s.UsersRemoved));
        Assert.Equal(report.InputItems - report.OutputItems, report.Steps.Sum(s => s.ItemsRemoved));
        Assert.Equal(["a:x", "a:y", "c:x", "c:y"], TinyData.Pairs(result, result.Log));
        Assert.Contains("k-core", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Filtering_on_a_missing_column_names_the_key()
    {
        var data = new InteractionDataset("no-extras", new IdMap(["a"]), new IdMap(["x"]), new InteractionLog([0], [0]));

        Assert.Equal("filters.time_start", Assert.Throws<OptionsException>(() => DatasetFilters.Apply(data, new FilterSpec { TimeStart = 1 })).Key);
        Assert.Equal("filters.min_rating", Assert.Throws<OptionsException>(() => DatasetFilters.Apply(data, new FilterSpec { MinRating = 1 })).Key);
    }
}
