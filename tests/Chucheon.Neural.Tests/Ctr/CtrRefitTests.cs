using System.Globalization;
using System.Text;
using Chucheon.Configuration;
using Chucheon.Data.Ctr;
using Chucheon.Models;
using Chucheon.Neural.Ctr;
using Chucheon.Neural.Ctr.Experiments;
using Chucheon.Neural.Training;
using Chucheon.TestKit;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Ctr;

public sealed class CtrRefitTests
{
    [Fact]
    public void ThePlanKeepsTheBestEpochCountAndDropsMilestonesThatComeTooLate()
    {
        // Best weights after 9 epochs; the plateau rule cut the rate after epochs 6 and 10 (the second after the best).
        var plan = CtrRefitPlan.Replay(9, [6, 10], fitRows: 69_266, refitRows: 77_924, RefitEpochRule.Same);

        Assert.Equal(9, plan.Epochs);
        Assert.Equal([6], plan.LrMilestones);
    }

    [Fact]
    public void TheSameStepsRuleShrinksEpochsAndMilestonesByTheRowRatio()
    {
        // 1000 → 1250 rows: 20 epochs of 1000 rows are the updates of 16 epochs of 1250; a cut after 10 becomes after 8,
        // one after 20 (the last epoch) would come after the refit's last epoch.
        var plan = CtrRefitPlan.Replay(20, [10, 20], fitRows: 1000, refitRows: 1250, RefitEpochRule.SameSteps);

        Assert.Equal(16, plan.Epochs);
        Assert.Equal([8], plan.LrMilestones);
    }

    [Fact]
    public void TheRefitModelSectionReplaysTheScheduleWithoutEarlyStoppingOrTheFirstCheckpoint()
    {
        var plan = new CtrRefitPlan(7, [3, 5]);
        var section = plan.ModelSection(new Dictionary<string, object?>
        {
            ["epochs"] = "60", ["patience"] = "2", ["lr_schedule"] = "plateau", ["lr_gamma"] = "0.1", ["checkpoint_path"] = "ckpt", ["batch_size"] = "64",
        });

        using var model = CtrModels.Create("fm", section);

        Assert.Equal(7, model.Options.Epochs);
        Assert.Equal(0, model.Options.Patience);
        Assert.Equal(LrSchedule.Multistep, model.Options.LrSchedule);
        Assert.Equal([3, 5], model.Options.LrMilestones);
        Assert.Equal(0.1, model.Options.LrGamma);
        Assert.Equal(64, model.Options.BatchSize);
        Assert.Equal(Path.Combine("ckpt", "refit"), model.Options.CheckpointPath);
    }

    [Fact]
    public void ACosineScheduleIsRejectedBecauseItsRatesDependOnTheEpochBudget()
    {
        using var model = CtrModels.Create("fm", new Dictionary<string, object?> { ["lr_schedule"] = "cosine" });

        Assert.Throws<OptionsException>(() => CtrRefitPlan.RateMilestones(model.Options, [], 10));
    }

    [Fact]
    public void TheStepScheduleReplaysAsMultiplesOfItsStepSize()
    {
        using var model = CtrModels.Create("fm", new Dictionary<string, object?> { ["lr_schedule"] = "step", ["lr_step_size"] = "3" });

        Assert.Equal([3, 6, 9], CtrRefitPlan.RateMilestones(model.Options, [], 10));
    }

    [Fact]
    public void RefittingOnNoExtraRowsReproducesTheEarlyStoppedModelsWeights()
    {
        // Dropout, batch norm and a plateau schedule that cuts the rate: the refit must replay all of it exactly.
        var train = CtrSynthetic.Make(1500, seed: 1);
        var validation = CtrSynthetic.Make(500, seed: 2);
        var section = new Dictionary<string, object?>
        {
            ["embedding_dim"] = "8", ["mlp_dims"] = "32,32", ["dropout"] = "0.3", ["batch_norm"] = "true", ["batch_size"] = "128",
            ["learning_rate"] = "0.01", ["lr_schedule"] = "plateau", ["lr_gamma"] = "0.5", ["epochs"] = "20", ["patience"] = "6", ["threads"] = "1",
        };
        using var first = CtrModels.Create("deepfm", section);
        first.Fit(train, validation, new FitContext { Seed = 7, Threads = 1 });
        Assert.NotEmpty(first.LearningRateDrops); // otherwise the replay would not be exercised
        Assert.True(first.LearningRateDrops.Any(d => d < first.BestEpoch + 1), $"drops [{string.Join(", ", first.LearningRateDrops)}], best epoch {first.BestEpoch + 1}");

        var plan = CtrRefitPlan.Replay(first.BestEpoch + 1, first.LearningRateDrops, train.Count, train.Count, RefitEpochRule.Same);
        using var refit = CtrModels.Create("deepfm", plan.ModelSection(section));
        refit.Fit(train, null, new FitContext { Seed = 7, Threads = 1 });

        var expected = first.Network.state_dict();
        var actual = refit.Network.state_dict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, tensor) in expected)
        {
            Assert.True(tensor.allclose(actual[name], rtol: 0, atol: 0), $"{name} differs after the refit");
        }

        Assert.Equal(first.PredictLogits(validation), refit.PredictLogits(validation));
    }

    [Fact]
    public void TheRefitTrainsOnTrainPlusValidationAndRecordsTheFirstFit()
    {
        using var dir = new TempDirectory();
        WriteEqualityRows(dir.File("rows.csv"), 800);
        var plain = CtrExperiment.Run(Config(refit: false), dir.Path, null);
        var refitted = CtrExperiment.Run(Config(refit: true), dir.Path, dir.File("run"));

        var refit = refitted.Refit!;
        Assert.Null(plain.Refit);
        Assert.Equal(plain.TrainRows + plain.ValidationRows, refit.TrainRows);
        Assert.Equal(plain.TestRows, refitted.TestRows);
        // The first fit is the plain run: same validation figure, same epochs, same test figure.
        Assert.Equal(plain.ValidationMetrics["auc"], refitted.ValidationMetrics["auc"]);
        Assert.Equal(plain.BestEpoch, refit.Epochs);
        Assert.Equal(plain.Metrics["auc"], refit.FirstFitTestMetrics["auc"]);
        Assert.True(refitted.Metrics["auc"] > 0.8);
        Assert.True(File.Exists(Path.Combine(dir.File("run"), "refit_history.json")));
    }

    [Fact]
    public void ValidationAsTestScoresTheValidationRowsAndHoldsOutTheTailOfTraining()
    {
        using var dir = new TempDirectory();
        WriteEqualityRows(dir.File("rows.csv"), 800);
        var plain = CtrExperiment.Run(Config(refit: false), dir.Path, null);
        var config = Config(refit: true);
        ((Dictionary<string, object?>)config["dataset"]!)["validation_as_test"] = "true";

        var check = CtrExperiment.Run(config, dir.Path, null);

        Assert.Equal(plain.ValidationRows, check.TestRows);
        Assert.Equal(plain.ValidationRows, check.ValidationRows);
        Assert.Equal(plain.TrainRows - plain.ValidationRows, check.TrainRows);
        Assert.Equal(plain.TrainRows, check.Refit!.TrainRows);
    }

    [Fact]
    public void WithValidationInTrainingRefitsTheVocabularyOnTheUnion()
    {
        var schema = new CtrSchema([CtrFieldSpec.Categorical("a")]);
        var table = new RawCtrTable(["a"]);
        table.Add(["seen"], 1);
        table.Add(["only-in-validation"], 0);
        table.Add(["only-in-test"], 1);
        var data = CtrData.Encode(schema, new CtrSplit<RawCtrTable>(table.Select([0]), table.Select([1]), table.Select([2])), minCount: 1);

        var union = data.WithValidationInTraining();

        Assert.Equal(2, union.Split.Train.Count);
        Assert.Equal(0, union.Split.Validation.Count);
        Assert.Equal(1, union.Split.Test.Count);
        Assert.True(union.Split.Train.Layout.FeatureCount > data.Split.Train.Layout.FeatureCount);
    }

    private static void WriteEqualityRows(string path, int rows)
    {
        // Click iff a == b, with a and b from 4 values: an FM learns it from a few hundred rows.
        var random = new Random(5);
        var csv = new StringBuilder("label,a,b\n");
        for (var r = 0; r < rows; r++)
        {
            var a = random.Next(4);
            var b = random.Next(2) == 0 ? a : random.Next(4);
            csv.Append(CultureInfo.InvariantCulture, $"{(a == b ? 1 : 0)},a{a},b{b}\n");
        }

        File.WriteAllText(path, csv.ToString());
    }

    private static Dictionary<string, object?> Config(bool refit) => new()
    {
        ["task"] = "ctr",
        ["dataset"] = new Dictionary<string, object?>
        {
            ["format"] = "csv", ["files"] = new List<object?> { "rows.csv" }, ["categorical_fields"] = new List<object?> { "a", "b" },
        },
        ["model"] = new Dictionary<string, object?>
        {
            ["name"] = "fm", ["epochs"] = "6", ["learning_rate"] = "0.05", ["batch_size"] = "64", ["threads"] = "1", ["patience"] = "2",
            ["lr_schedule"] = "plateau", ["lr_gamma"] = "0.5",
        },
        ["training"] = new Dictionary<string, object?> { ["refit_on_validation"] = refit ? "true" : "false" },
        ["seed"] = "3",
    };
}
