using System.Globalization;
using Chucheon.Configuration;
using Chucheon.Experiments.Configuration;
using Chucheon.Neural.Ctr;
using Chucheon.Neural.Ctr.Experiments;

namespace Chucheon.CtrHarness;

/// <summary><c>frappe-test CONFIG RUN_DIR</c>: the test metrics of a model saved by a validation-only run
/// (<c>frappe CONFIG --no-test --save DIR</c>), so a configuration chosen on validation is scored on test once without
/// training it again. The split is rebuilt from the config's dataset and seed (deterministic), and the saved model must
/// have been trained on exactly that split's vocabulary.</summary>
internal static class SavedRunTest
{
    public static int Run(string configPath, string runDirectory)
    {
        var document = YamlDocument.Load(configPath);
        CtrData data;
        try
        {
            var spec = OptionsBinder.Bind<CtrDatasetSpec>((IReadOnlyDictionary<string, object?>)document.Root["dataset"]!, "dataset");
            var seed = int.Parse(document.Root["seed"]?.ToString() ?? "42", CultureInfo.InvariantCulture);
            data = CtrDataLoader.Load(spec, Path.GetDirectoryName(Path.GetFullPath(configPath))!, seed);
        }
        catch (OptionsException e)
        {
            throw document.Locate(e);
        }

        using var model = CtrModel.Load(Path.Combine(runDirectory, "model"));
        var layout = data.Split.Train.Layout;
        if (!model.Layout!.FieldNames.SequenceEqual(layout.FieldNames) || model.Layout.FeatureCount != layout.FeatureCount)
        {
            throw new InvalidDataException($"{runDirectory}: the saved model's layout ({model.Layout.FeatureCount} features) does not match the split of {configPath} ({layout.FeatureCount} features); was it trained with another dataset or seed?");
        }

        var before = Program.LoadAverage();
        var validation = model.Evaluate(data.Split.Validation);
        var test = model.Evaluate(data.Split.Test);
        Console.WriteLine("| model | run | valid AUC | test AUC | test LogLoss | test GAUC | test eval wall s | test eval CPU s | load avg (1 min) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {model.Alias} | {runDirectory} | {validation.Auc:F4} | {test.Auc:F4} | {test.LogLoss:F4} | {test.GroupAuc:F4} | {test.Seconds:F3} | {test.CpuSeconds:F3} | {before} → {Program.LoadAverage()} |"));
        return 0;
    }
}
