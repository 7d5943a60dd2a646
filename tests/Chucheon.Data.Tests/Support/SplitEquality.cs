namespace Chucheon.Data.Tests.Support;

/// <summary>Deep, column-by-column equality of splits, for cache round trips.</summary>
internal static class SplitEquality
{
    public static void AssertEqual(DataSplit expected, DataSplit actual)
    {
        Assert.Equal(expected.Method, actual.Method);
        Assert.Equal(expected.Train.Name, actual.Train.Name);
        AssertEqual(expected.Train.Users, actual.Train.Users);
        AssertEqual(expected.Train.Items, actual.Train.Items);
        Assert.Equal(expected.Train.EventTypes is null, actual.Train.EventTypes is null);
        if (expected.Train.EventTypes is not null) { AssertEqual(expected.Train.EventTypes, actual.Train.EventTypes!); }
        AssertEqual(expected.Train.Log, actual.Train.Log);
        AssertEqual(expected.Train.UserFeatures, actual.Train.UserFeatures);
        AssertEqual(expected.Train.ItemFeatures, actual.Train.ItemFeatures);
        AssertEqual(expected.Validation, actual.Validation);
        AssertEqual(expected.Test, actual.Test);
        Assert.Equal(expected.FoldIn is null, actual.FoldIn is null);
        if (expected.FoldIn is not null) { AssertEqual(expected.FoldIn, actual.FoldIn!); }
    }

    public static void AssertEqual(IdMap expected, IdMap actual) => Assert.Equal(expected.RawIds, actual.RawIds);

    public static void AssertEqual(InteractionLog expected, InteractionLog actual)
    {
        Assert.Equal(expected.Users, actual.Users);
        Assert.Equal(expected.Items, actual.Items);
        Assert.Equal(expected.Ratings, actual.Ratings);
        Assert.Equal(expected.Timestamps, actual.Timestamps);
        Assert.Equal(expected.EventTypes, actual.EventTypes);
    }

    private static void AssertEqual(FeatureTable? expected, FeatureTable? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is null || actual is null) { return; }
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns.Count, actual.Columns.Count);
        foreach (var (e, a) in expected.Columns.Zip(actual.Columns))
        {
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.GetType(), a.GetType());
            switch (e)
            {
                case CategoricalFeature c:
                    AssertEqual(c.Vocabulary, ((CategoricalFeature)a).Vocabulary);
                    Assert.Equal(c.Values, ((CategoricalFeature)a).Values);
                    break;
                case MultiCategoricalFeature m:
                    AssertEqual(m.Vocabulary, ((MultiCategoricalFeature)a).Vocabulary);
                    Assert.Equal(m.Offsets, ((MultiCategoricalFeature)a).Offsets);
                    Assert.Equal(m.Values, ((MultiCategoricalFeature)a).Values);
                    break;
                case NumericFeature n:
                    Assert.Equal(n.Values, ((NumericFeature)a).Values);
                    break;
                case TextFeature t:
                    Assert.Equal<string?>(t.Values, ((TextFeature)a).Values.AsEnumerable());
                    break;
            }
        }
    }
}
