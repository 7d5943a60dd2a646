using Chucheon.Configuration;

namespace Chucheon.Models;

/// <summary>One registered model: its alias, typed options, and how to build or load it.</summary>
public sealed record ModelRegistration(
    string Alias,
    Type OptionsType,
    string Description,
    Func<IModelOptions, IRecommender> Create,
    Func<IModelOptions, ArtifactReader, IRecommender> Load);

/// <summary>Explicit alias → model table. Every model registers here once; configs, the CLI and artifacts refer to
/// models only by alias.</summary>
public static class ModelRegistry
{
    private static readonly Dictionary<string, ModelRegistration> Entries = new(StringComparer.OrdinalIgnoreCase);

    static ModelRegistry()
    {
        foreach (var registration in BuiltInModels.All())
        {
            Register(registration);
        }
    }

    public static IReadOnlyCollection<ModelRegistration> All => Entries.Values;

    public static void Register(ModelRegistration registration)
    {
        if (!Entries.TryAdd(registration.Alias, registration))
        {
            throw new InvalidOperationException($"Model alias '{registration.Alias}' is registered twice.");
        }
    }

    public static ModelRegistration Get(string alias) =>
        Entries.TryGetValue(alias, out var r)
            ? r
            : throw new OptionsException("model.name", $"unknown model '{alias}'. Known models: {string.Join(", ", Entries.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>Creates a model from an alias and raw key/value hyperparameters (unknown keys rejected).</summary>
    public static IRecommender Create(string alias, IReadOnlyDictionary<string, object?> hyperparameters)
    {
        var registration = Get(alias);
        var options = (IModelOptions)OptionsBinder.Bind(registration.OptionsType, hyperparameters, "model");
        return registration.Create(options);
    }

    /// <summary>Registration helper that keeps the typed options type and the delegates in one place.</summary>
    public static ModelRegistration Entry<TOptions>(string alias, string description,
        Func<TOptions, IRecommender> create, Func<TOptions, ArtifactReader, IRecommender> load)
        where TOptions : IModelOptions, new() =>
        new(alias, typeof(TOptions), description, o => create((TOptions)o), (o, r) => load((TOptions)o, r));
}
