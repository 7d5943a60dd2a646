using Chucheon.Models.Baselines;

namespace Chucheon.Models;

/// <summary>The list of models shipped with Chucheon; one line per model.</summary>
internal static class BuiltInModels
{
    public static IEnumerable<ModelRegistration> All() =>
    [
        ModelRegistry.Entry<RandomOptions>(RandomRecommender.AliasName, "Uniformly random scores (seeded)",
            o => new RandomRecommender(o), RandomRecommender.Load),
        ModelRegistry.Entry<PopularityOptions>(PopularityRecommender.AliasName, "Most popular items, optionally within a recent time window",
            o => new PopularityRecommender(o), PopularityRecommender.Load),
        ModelRegistry.Entry<GenrePopularityOptions>(GenrePopularityRecommender.AliasName, "Rule-based: the user's top genres x item popularity",
            o => new GenrePopularityRecommender(o), GenrePopularityRecommender.Load),
    ];
}
