using Chucheon.Configuration;

namespace Chucheon.Models.Knn;

/// <summary>How raw interaction values are re-weighted before cosine similarity (as in implicit's kNN variants).</summary>
public enum KnnWeighting
{
    /// <summary>Raw values (counts, or ones for binary data).</summary>
    None,

    /// <summary>sqrt(value) · idf of the feature column.</summary>
    Tfidf,

    /// <summary>Okapi BM25 saturation and length normalisation of each row, times idf (parameters <c>k1</c>, <c>b</c>).</summary>
    Bm25,
}

/// <summary>Hyperparameters shared by item and user kNN.</summary>
public abstract class KnnOptions : IModelOptions
{
    protected KnnOptions(int k) => K = k;

    /// <summary>Neighbours kept per item (item kNN) or user (user kNN) (<c>k</c>). Small neighbourhoods rank best on
    /// ml-1m validation (item kNN 15–30, user kNN 50–100; docs/benchmarks-classic-knn-ease.md).</summary>
    public int K { get; set; }

    /// <summary>Added to the cosine denominator, sim = a·b / (‖a‖‖b‖ + shrink), so pairs that share few users are
    /// damped (<c>shrink</c>).</summary>
    public double Shrink { get; set; } = 10;

    /// <summary>Re-weighting of the interaction matrix before similarities (<c>weighting</c>: none, tfidf, bm25).</summary>
    public KnnWeighting Weighting { get; set; } = KnnWeighting.None;

    /// <summary>BM25 term-frequency saturation (<c>k1</c>); only used with <c>weighting: bm25</c>.</summary>
    public double K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation in [0, 1] (<c>b</c>); only used with <c>weighting: bm25</c>.</summary>
    public double B { get; set; } = 0.75;

    /// <summary>Divide each score by the similarity mass behind it (<c>normalize</c>): a weighted average instead of
    /// a weighted sum. Item kNN divides score j by Σ|sim(i, j)| over the history items i (Sarwar et al. 2001); user
    /// kNN divides a user's scores by Σ|sim(u, v)| over the neighbours v.</summary>
    public bool Normalize { get; set; }

    public void Validate()
    {
        OptionChecks.AtLeast(K, 1, "k");
        OptionChecks.NonNegative(Shrink, "shrink");
        OptionChecks.NonNegative(K1, "k1");
        OptionChecks.InRange(B, 0, 1, "b");
        if (!Enum.IsDefined(Weighting))
        {
            throw new OptionsException("weighting", $"'{Weighting}' is not one of: none, tfidf, bm25.");
        }
    }
}

/// <summary>Hyperparameters of <see cref="ItemKnnModel"/>.</summary>
public sealed class ItemKnnOptions : KnnOptions
{
    public ItemKnnOptions() : base(k: 20)
    {
    }
}

/// <summary>Hyperparameters of <see cref="UserKnnModel"/>.</summary>
public sealed class UserKnnOptions : KnnOptions
{
    public UserKnnOptions() : base(k: 50)
    {
    }
}
