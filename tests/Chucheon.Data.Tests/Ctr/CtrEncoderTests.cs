using Chucheon.Data.Ctr;

namespace Chucheon.Data.Tests.Ctr;

public sealed class CtrEncoderTests
{
    private static RawCtrTable Table(params (string? City, string? Tags, string? Count, float Label)[] rows)
    {
        var table = new RawCtrTable(["city", "tags", "count"]);
        foreach (var r in rows) { table.Add([r.City, r.Tags, r.Count], r.Label); }
        return table;
    }

    private static CtrSchema Schema(NumericTransform transform = NumericTransform.LogBucket) =>
        new([CtrFieldSpec.Categorical("city"), CtrFieldSpec.Multi("tags", 2), CtrFieldSpec.Numeric("count", transform)], groupField: "city");

    [Fact]
    public void MinCountSendsRareUnseenAndMissingTokensToTheOovBucket()
    {
        var train = Table(("seoul", "a", "1", 1), ("seoul", "a", "1", 0), ("busan", "b", "1", 1));
        var encoder = CtrEncoder.Fit(Schema(), train, minCount: 2);

        var vocabulary = encoder.Vocabulary(0);
        Assert.Equal(2, vocabulary.Size); // OOV + "seoul"; "busan" is seen once
        Assert.Equal(1, vocabulary.IndexOf("seoul"));
        Assert.Equal(FieldVocabulary.OutOfVocabulary, vocabulary.IndexOf("busan"));
        Assert.Equal(FieldVocabulary.OutOfVocabulary, vocabulary.IndexOf("daegu"));
        Assert.Equal(FieldVocabulary.OutOfVocabulary, vocabulary.IndexOf(null));

        var encoded = encoder.Encode(Table(("daegu", null, null, 0)));
        var slots = encoded.Layout.SlotCount;
        Assert.Equal(0, encoded.Indices[0]); // city: OOV bucket of field 0
        Assert.Equal(1f, encoded.Values[0]);
        Assert.Equal(slots, encoded.Indices.Length);
    }

    [Fact]
    public void MultiValuedTokensShareTheFieldAndPaddingContributesNothing()
    {
        var train = Table(("x", "a|b", "3", 1), ("x", "a", "3", 0));
        var encoder = CtrEncoder.Fit(Schema(), train);
        var encoded = encoder.Encode(Table(("x", "a|b", "3", 1), ("x", "b", "3", 1)));
        var layout = encoded.Layout;
        Assert.Equal([1, 2, 1], layout.FieldSlots);
        var offset = layout.FieldOffsets[1];

        Assert.Equal([offset + 1L, offset + 2L], encoded.Indices[1..3]);
        Assert.Equal([0.5f, 0.5f], encoded.Values[1..3]);
        Assert.Equal(1f, encoded.Values[layout.SlotCount + 1]);
        Assert.Equal(0f, encoded.Values[layout.SlotCount + 2]); // padding slot
        Assert.Equal([0, 0], encoded.Groups); // same city → same group
    }

    [Fact]
    public void ScaledNumericFieldsAreStandardisedOnTheTrainingRows()
    {
        var train = Table(("x", "a", "1", 1), ("x", "a", "3", 0));
        var encoder = CtrEncoder.Fit(Schema(NumericTransform.Scale), train);
        var encoded = encoder.Encode(Table(("x", "a", "5", 1), ("x", "a", null, 0)));
        var slot = encoded.Layout.SlotCount - 1;

        Assert.Equal(3f, encoded.Values[slot], 4); // (5 - 2) / 1
        Assert.Equal(0f, encoded.Values[(2 * encoded.Layout.SlotCount) - 1]);
        Assert.Equal(1, encoded.Layout.FieldSizes[2]);
    }

    [Fact]
    public void LogBucketsKeepSmallValuesAndMergeLargeOnes()
    {
        Assert.Equal("V1", NumericBuckets.Token(1));
        Assert.Equal("V-3", NumericBuckets.Token(-3));
        Assert.Equal(NumericBuckets.Token(1000), NumericBuckets.Token(1010));
        Assert.NotEqual(NumericBuckets.Token(10), NumericBuckets.Token(1000));
    }

    [Fact]
    public void EncoderStateRoundTripsToTheSameEncoding()
    {
        var train = Table(("seoul", "a|b", "7", 1), ("busan", "c", "1", 0));
        var encoder = CtrEncoder.Fit(Schema(), train);
        var restored = CtrEncoder.FromState(encoder.State);

        Assert.Equal(encoder.Encode(train).Indices, restored.Encode(train).Indices);
        Assert.Equal(encoder.Layout.FieldSizes, restored.Layout.FieldSizes);
    }

    [Fact]
    public void RandomSplitIsSeededDisjointAndComplete()
    {
        var table = new RawCtrTable(["id"]);
        for (var i = 0; i < 1000; i++) { table.Add([i.ToString(System.Globalization.CultureInfo.InvariantCulture)], i % 2); }

        var a = CtrSplits.Random(table, 0.8, 0.1, seed: 7);
        var b = CtrSplits.Random(table, 0.8, 0.1, seed: 7);
        var c = CtrSplits.Random(table, 0.8, 0.1, seed: 8);

        Assert.Equal((800, 100, 100), (a.Train.Count, a.Validation.Count, a.Test.Count));
        List<string?> Ids(RawCtrTable t) => [.. Enumerable.Range(0, t.Count).Select(r => t.Cell(r, 0))];
        Assert.Equal(Ids(a.Train), Ids(b.Train));
        Assert.NotEqual(Ids(a.Train), Ids(c.Train));
        Assert.Equal(1000, Ids(a.Train).Concat(Ids(a.Validation)).Concat(Ids(a.Test)).Distinct().Count());
    }
}
