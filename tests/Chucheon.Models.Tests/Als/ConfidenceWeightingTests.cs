using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Models.Als;

namespace Chucheon.Models.Tests.Als;

public class ConfidenceWeightingTests
{
    [Fact]
    public void TransformIsLinearOrLog()
    {
        Assert.Equal(3f, ConfidenceWeighting.Transform(3f, ConfidenceFunction.Linear, 1f));
        Assert.Equal(MathF.Log(1 + (3f / 0.5f)), ConfidenceWeighting.Transform(3f, ConfidenceFunction.Log, 0.5f), 6);
    }

    [Fact]
    public void PopularityScaleFollowsTheDocumentedPowerLaw()
    {
        // s_i = (n_i / n̄)^(−β): an item twice as popular as average weighs 2^(−0.5) with β = 0.5.
        Assert.Equal(1 / MathF.Sqrt(2), ConfidenceWeighting.PopularityScale(20, 10, 0.5f), 5);
        Assert.Equal(2f, ConfidenceWeighting.PopularityScale(5, 10, 1f), 5);
        Assert.Equal(1f, ConfidenceWeighting.PopularityScale(20, 10, 0f));
        Assert.Equal(1f, ConfidenceWeighting.PopularityScale(0, 10, 0.5f));
    }

    [Fact]
    public void RecencyDecaysExponentiallyInDays()
    {
        const long day = 86_400;
        Assert.Equal(1.0, ConfidenceWeighting.RecencyWeight(10 * day, 10 * day, 7f));
        Assert.Equal(Math.Exp(-1), ConfidenceWeighting.RecencyWeight(17 * day, 10 * day, 7f), 10);
        Assert.Equal(1.0, ConfidenceWeighting.RecencyWeight(17 * day, 10 * day, 0f));
    }

    [Fact]
    public void FullFormulaWithEveryVariant()
    {
        // Two event types (view, purchase), timestamps, genres; user 0 bought item 0 (genre a) today, viewed item 1
        // (genres a, b) a week ago twice; user 1 viewed item 1 once. Item 0 has 1 user, item 1 has 2: n̄ = 1.5.
        const long day = 86_400;
        var events = new IdMap(["view", "purchase"]);
        var log = new InteractionLog([0, 0, 0, 1], [0, 1, 1, 1], timestamps: [14 * day, 7 * day, 7 * day, 3 * day], eventTypes: [1, 0, 0, 0]);
        var genres = new FeatureTable(2);
        genres.Add(MultiCategoricalFeature.FromLists("genres", new IdMap(["a", "b"]), [[0], [0, 1]]));
        var dataset = new InteractionDataset("d", new IdMap(["u0", "u1"]), new IdMap(["i0", "i1"]), log, itemFeatures: genres, eventTypes: events);
        var options = new IalsOptions
        {
            Alpha = 2, EventWeights = new() { ["purchase"] = 10 }, RecencyDecayDays = 7, ItemPopularityConfidence = 1,
            GenrePreferenceConfidence = 0.5f,
        };

        var c = ConfidenceWeighting.Create(options, dataset).Build(dataset, new ParallelOptions());

        // User 0's genre mentions: a (item 0), a and b (item 1) → shares a = 2/3, b = 1/3.
        var v00 = 10.0;
        var v01 = 2 * Math.Exp(-1);
        var expected00 = 1 + (2 * v00 * Math.Pow(1 / 1.5, -1) * (1 + (0.5 * 2 / 3.0)));
        var expected01 = 1 + (2 * v01 * Math.Pow(2 / 1.5, -1) * (1 + (0.5 * 1.0)));
        Assert.Equal(expected00, c.RowValues(0)[0], 4);
        Assert.Equal(expected01, c.RowValues(0)[1], 4);

        // User 1's only event is their latest (no decay), and all their genre mass is on item 1.
        Assert.Equal(1 + (2 * 1 * Math.Pow(2 / 1.5, -1) * 1.5), c.RowValues(1)[0], 4);
    }

    [Fact]
    public void WithoutVariantsConfidenceIsOnePlusAlphaTimesCount()
    {
        var dataset = new InteractionDataset("d", new IdMap(["u0"]), new IdMap(["i0", "i1"]), new InteractionLog([0, 0, 0], [0, 0, 1]));
        var c = ConfidenceWeighting.Create(new IalsOptions { Alpha = 3 }, dataset).Build(dataset, new ParallelOptions());
        Assert.Equal([7f, 4f], c.RowValues(0).ToArray());
    }

    [Fact]
    public void MissingDataForARequestedVariantNamesTheOption()
    {
        var dataset = new InteractionDataset("plain", new IdMap(["u0"]), new IdMap(["i0"]), new InteractionLog([0], [0]));
        Assert.Equal("genre_preference_confidence", Assert.Throws<OptionsException>(() =>
            ConfidenceWeighting.Create(new IalsOptions { GenrePreferenceConfidence = 1 }, dataset)).Key);
        var weighting = ConfidenceWeighting.Create(new IalsOptions { RecencyDecayDays = 3 }, dataset);
        Assert.Equal("recency_decay_days", Assert.Throws<OptionsException>(() => weighting.Build(dataset, new ParallelOptions())).Key);
        weighting = ConfidenceWeighting.Create(new IalsOptions { EventWeights = new() { ["cart"] = 3 } }, dataset);
        Assert.Equal("event_weights", Assert.Throws<OptionsException>(() => weighting.Build(dataset, new ParallelOptions())).Key);

        var withEvents = new InteractionDataset("e", new IdMap(["u0"]), new IdMap(["i0"]), new InteractionLog([0], [0], eventTypes: [0]),
            eventTypes: new IdMap(["view"]));
        weighting = ConfidenceWeighting.Create(new IalsOptions { EventWeights = new() { ["cart"] = 3 } }, withEvents);
        var error = Assert.Throws<OptionsException>(() => weighting.Build(withEvents, new ParallelOptions()));
        Assert.Equal("event_weights.cart", error.Key);
        Assert.Contains("view", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroWeightEventsAreDroppedNotKeptAsPositives()
    {
        var dataset = new InteractionDataset("e", new IdMap(["u0"]), new IdMap(["i0", "i1"]), new InteractionLog([0, 0], [0, 1], eventTypes: [0, 1]),
            eventTypes: new IdMap(["impression", "click"]));
        var c = ConfidenceWeighting.Create(new IalsOptions { EventWeights = new() { ["impression"] = 0 } }, dataset).Build(dataset, new ParallelOptions());
        Assert.Equal([1], c.RowIndices(0).ToArray());
    }
}
