using System.Globalization;

namespace Chucheon.Data.Ctr;

/// <summary>CTR fields for (user, item) pairs of a MovieLens dataset read with its side files: <c>user</c>,
/// <c>item</c>, <c>genres</c> (multi-valued), <c>age</c> (bucketed as in ML-1M: under 18, 18-24, 25-34, 35-44, 45-49,
/// 50-55, 56+), <c>gender</c>, <c>occupation</c> and <c>era</c> (release decade). Missing side data is a missing cell.</summary>
public sealed class MovieLensCtrFeatures
{
    private static readonly int[] AgeBucketStarts = [18, 25, 35, 45, 50, 56];

    private readonly InteractionDataset _dataset;
    private readonly CategoricalFeature? _gender;
    private readonly CategoricalFeature? _occupation;
    private readonly NumericFeature? _age;
    private readonly NumericFeature? _year;
    private readonly MultiCategoricalFeature? _genres;

    public MovieLensCtrFeatures(InteractionDataset dataset)
    {
        _dataset = dataset;
        _gender = Get<CategoricalFeature>(dataset.UserFeatures, "gender");
        _occupation = Get<CategoricalFeature>(dataset.UserFeatures, "occupation");
        _age = Get<NumericFeature>(dataset.UserFeatures, "age");
        _year = Get<NumericFeature>(dataset.ItemFeatures, "year");
        _genres = Get<MultiCategoricalFeature>(dataset.ItemFeatures, "genres");
    }

    public static IReadOnlyList<string> FieldNames { get; } = ["user", "age", "gender", "occupation", "item", "genres", "era"];

    /// <summary>Fields 0..3 describe the user, 4..6 the item (the two-stage scorer encodes each side once).</summary>
    public const int UserFieldCount = 4;

    public static CtrSchema Schema(int maxGenres = 6) => new(
    [
        CtrFieldSpec.Categorical("user"), CtrFieldSpec.Categorical("age"), CtrFieldSpec.Categorical("gender"),
        CtrFieldSpec.Categorical("occupation"), CtrFieldSpec.Categorical("item"), CtrFieldSpec.Multi("genres", maxGenres),
        CtrFieldSpec.Categorical("era"),
    ], groupField: "user");

    /// <summary>Writes the seven cells of (user, item) in <see cref="FieldNames"/> order.</summary>
    public void Cells(int user, int item, Span<string?> cells)
    {
        cells[0] = user.ToString(CultureInfo.InvariantCulture);
        cells[1] = _age is null || user >= _age.Rows || float.IsNaN(_age.Values[user]) ? null : AgeBucket(_age.Values[user]);
        cells[2] = Category(_gender, user);
        cells[3] = Category(_occupation, user);
        cells[4] = item.ToString(CultureInfo.InvariantCulture);
        cells[5] = _genres is null || item >= _genres.Rows ? null : string.Join('|', _genres.Of(item).ToArray().Select(g => _genres.Vocabulary.GetRaw(g)));
        cells[6] = _year is null || item >= _year.Rows || float.IsNaN(_year.Values[item])
            ? null
            : ((int)(_year.Values[item] / 10) * 10).ToString(CultureInfo.InvariantCulture) + "s";
    }

    /// <summary>CTR rows from an interaction log: a rating of at least <paramref name="clickMinRating"/> is a click;
    /// lower ratings are non-clicks when <paramref name="lowRatingsAsNegatives"/>; and every click brings
    /// <paramref name="negativesPerClick"/> items drawn uniformly from those the user never interacted with in
    /// <paramref name="known"/> (so the model also learns "not watched", which ranking needs).</summary>
    public RawCtrTable Build(InteractionLog log, CsrMatrix known, double clickMinRating, int negativesPerClick, bool lowRatingsAsNegatives, int seed)
    {
        var table = new RawCtrTable(FieldNames);
        var cells = new string?[FieldNames.Count];
        var random = SeededRandom.Derive(seed, 0xC7A);
        var itemCount = _dataset.ItemCount;
        for (var i = 0; i < log.Count; i++)
        {
            var user = log.Users[i];
            var rating = log.Ratings?[i] ?? float.PositiveInfinity;
            var click = rating >= clickMinRating;
            if (!click && !lowRatingsAsNegatives) { continue; }
            Cells(user, log.Items[i], cells);
            table.Add(cells, click ? 1f : 0f);
            if (!click) { continue; }
            var seen = user < known.Rows ? known.RowIndices(user) : [];
            for (var k = 0; k < negativesPerClick; k++)
            {
                var item = random.NextInt(itemCount);
                for (var attempt = 0; attempt < 64 && seen.BinarySearch(item) >= 0; attempt++) { item = random.NextInt(itemCount); }
                Cells(user, item, cells);
                table.Add(cells, 0f);
            }
        }

        return table;
    }

    private static string AgeBucket(float age)
    {
        var bucket = 0;
        while (bucket < AgeBucketStarts.Length && age >= AgeBucketStarts[bucket]) { bucket++; }
        return bucket.ToString(CultureInfo.InvariantCulture);
    }

    private static string? Category(CategoricalFeature? feature, int row) =>
        feature is null || row >= feature.Rows || feature.Values[row] < 0 ? null : feature.Vocabulary.GetRaw(feature.Values[row]);

    private static T? Get<T>(FeatureTable? table, string name) where T : FeatureColumn =>
        table is not null && table.TryGet(name, out var column) ? column as T : null;
}
