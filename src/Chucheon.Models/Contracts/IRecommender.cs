using Chucheon.Data;
using Chucheon.Configuration;
using Chucheon.Evaluation;

namespace Chucheon.Models;

/// <summary>The contract every recommender implements: fit on a dataset, score users over all items, save itself.</summary>
/// <remarks>
/// Constructors take typed options; <see cref="Fit"/> takes data. Recommending top-K with exclusions is built once on
/// top of <see cref="IItemScorer.Score"/> (see <see cref="Recommendations"/>), so a model only writes scoring.
/// </remarks>
public interface IRecommender : IItemScorer
{
    /// <summary>Registry alias (e.g. "ease"), stored in saved artifacts.</summary>
    string Alias { get; }

    /// <summary>The options the model was built with.</summary>
    IModelOptions Options { get; }

    void Fit(InteractionDataset train, FitContext context);

    /// <summary>Writes the learned parameters (not the options or id maps; <see cref="ModelBundle"/> adds those).</summary>
    void Save(ArtifactWriter writer);
}

/// <summary>Models that can list the items most similar to a given item.</summary>
public interface ISimilarItems
{
    /// <summary>Up to <paramref name="k"/> other items ordered by decreasing similarity.</summary>
    IReadOnlyList<ScoredItem> SimilarItems(int item, int k);
}

/// <summary>One recommended or similar item with its score.</summary>
public readonly record struct ScoredItem(int Item, float Score);

/// <summary>Typed, validated hyperparameters of one model.</summary>
public interface IModelOptions : IValidatedOptions
{
}
