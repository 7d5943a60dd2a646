using Chucheon.Models.Als;
using Chucheon.Models.Bpr;

namespace Chucheon.Models;

/// <summary>The list of models shipped with Chucheon; one line per model.</summary>
internal static class BuiltInModels
{
    public static IEnumerable<ModelRegistration> All() =>
    [
        ModelRegistry.Entry<IalsOptions>(ImplicitAls.AliasName, "Implicit ALS with conjugate-gradient solver (Hu et al. 2008; Takács et al. 2011)",
            o => new ImplicitAls(o), ImplicitAls.Load),
        ModelRegistry.Entry<BprOptions>(BprMf.AliasName, "BPR matrix factorisation, stratified parallel SGD (Rendle et al. 2009)",
            o => new BprMf(o), BprMf.Load),
    ];
}
