using Chucheon.Models.Baselines;
using Chucheon.Models.Ease;
using Chucheon.Models.Knn;
using Chucheon.Models.Als;
using Chucheon.Models.Bpr;

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
        ModelRegistry.Entry<EaseOptions>("ease", "EASE closed-form item autoencoder (Steck 2019); dense in the catalog size", o => new EaseModel(o), EaseModel.Load),
        ModelRegistry.Entry<ItemKnnOptions>("itemknn", "Item kNN, shrunk cosine with optional tf-idf/BM25 weighting", o => new ItemKnnModel(o), ItemKnnModel.Load),
        ModelRegistry.Entry<UserKnnOptions>("userknn", "User kNN, shrunk cosine with fold-in of unseen users", o => new UserKnnModel(o), UserKnnModel.Load),
        ModelRegistry.Entry<IalsOptions>(ImplicitAls.AliasName, "Implicit ALS with conjugate-gradient solver (Hu et al. 2008; Takács et al. 2011)",
            o => new ImplicitAls(o), ImplicitAls.Load),
        ModelRegistry.Entry<BprOptions>(BprMf.AliasName, "BPR matrix factorisation, stratified parallel SGD (Rendle et al. 2009)",
            o => new BprMf(o), BprMf.Load),
    ];
}
