namespace Chucheon.Models;

/// <summary>The list of models shipped with Chucheon; one line per model.</summary>
internal static class BuiltInModels
{
    public static IEnumerable<ModelRegistration> All() =>
    [
    ];
}
