using System.Text.Json;
using Chucheon.Data;

using Chucheon.Configuration;

namespace Chucheon.Models;

/// <summary>A self-contained saved model: parameters, options, id maps and the training history (for exclusions and
/// item-based scoring), so <c>chucheon recommend</c> and the service need no training data.</summary>
public sealed class ModelBundle
{
    private const string ManifestName = "bundle";
    private const string ParametersFolder = "parameters";

    public ModelBundle(IRecommender model, IdMap users, IdMap items, CsrMatrix history)
    {
        Model = model;
        Users = users;
        Items = items;
        History = history;
    }

    public IRecommender Model { get; }

    public IdMap Users { get; }

    public IdMap Items { get; }

    public CsrMatrix History { get; }

    public void Save(string directory)
    {
        var writer = new ArtifactWriter(directory);
        var registration = ModelRegistry.Get(Model.Alias);
        writer.WriteJson(ManifestName, new BundleManifest(Model.Alias, 1,
            JsonSerializer.SerializeToElement(Model.Options, registration.OptionsType, ArtifactWriter.Json),
            Users.Count, Items.Count, History.NonZeros));
        writer.WriteLines("users", Users.RawIds);
        writer.WriteLines("items", Items.RawIds);
        writer.Write("history_row_pointers", History.RowPointers);
        writer.Write("history_columns", History.ColumnIndices);
        writer.Write("history_values", History.Values);
        Model.Save(new ArtifactWriter(Path.Combine(directory, ParametersFolder)));
    }

    public static ModelBundle Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Model directory '{directory}' does not exist.");
        }

        var reader = new ArtifactReader(directory);
        var manifest = reader.ReadJson<BundleManifest>(ManifestName);
        var registration = ModelRegistry.Get(manifest.Alias);
        var options = (IModelOptions)(manifest.Options.Deserialize(registration.OptionsType, ArtifactWriter.Json)
            ?? throw new InvalidDataException($"{directory}: model options are empty."));
        var users = new IdMap(reader.ReadLines("users"));
        var items = new IdMap(reader.ReadLines("items"));
        var history = new CsrMatrix(users.Count, items.Count, reader.ReadInts("history_row_pointers"),
            reader.ReadInts("history_columns"), reader.ReadFloats("history_values"));
        var model = registration.Load(options, new ArtifactReader(Path.Combine(directory, ParametersFolder)));
        return new ModelBundle(model, users, items, history);
    }

    private sealed record BundleManifest(string Alias, int FormatVersion, JsonElement Options, int Users, int Items, int HistoryNonZeros);
}
