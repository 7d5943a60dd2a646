using Chucheon.Configuration;
using Chucheon.Data.Ctr;
using Chucheon.Models;
using Chucheon.Neural.Ctr;
using Chucheon.Neural.Ctr.Options;
using Chucheon.TestKit;

namespace Chucheon.Neural.Tests.Ctr;

public sealed class CtrModelTests
{
    private static readonly CtrDataset Train = CtrSynthetic.Make(3000, seed: 1);
    private static readonly CtrDataset Test = CtrSynthetic.Make(1000, seed: 2);

    /// <summary>Small, fast settings for every alias (the defaults are sized for real data).</summary>
    private static Dictionary<string, object?> Small(string alias)
    {
        var options = new Dictionary<string, object?>
        {
            ["embedding_dim"] = "8", ["epochs"] = "25", ["batch_size"] = "256", ["learning_rate"] = "0.01", ["patience"] = "0", ["threads"] = "1",
        };
        if (CtrModels.Get(alias).OptionsType.IsAssignableTo(typeof(DeepCtrOptions))) { options["mlp_dims"] = "32,32"; }
        if (alias == "xdeepfm") { options["cin_dims"] = "8,8"; }
        if (alias == "masknet") { options["block_dim"] = "16"; options["blocks"] = "2"; }
        return options;
    }

    public static TheoryData<string> InteractionAliases => [.. CtrModels.All.Select(r => r.Alias).Where(a => a != "lr")];

    [Theory]
    [MemberData(nameof(InteractionAliases))]
    public void EveryInteractionModelLearnsAnEqualityOfTwoFields(string alias)
    {
        using var model = CtrModels.Create(alias, Small(alias));
        model.Fit(Train, null, new FitContext { Seed = 5, Threads = 1 });

        // Labels are 10% noisy, so a perfect model scores about 0.9; chance is 0.5.
        Assert.True(model.Evaluate(Test).Auc > 0.8, $"{alias}: AUC {model.Evaluate(Test).Auc:F3}");
    }

    [Fact]
    public void LogisticRegressionLearnsFirstOrderSignalButNotAPureInteraction()
    {
        using var lr = CtrModels.Create("lr", Small("lr"));
        lr.Fit(CtrSynthetic.Make(3000, 1, interaction: false), null, new FitContext { Seed = 5, Threads = 1 });
        Assert.True(lr.Evaluate(CtrSynthetic.Make(1000, 2, interaction: false)).Auc > 0.85);

        using var blind = CtrModels.Create("lr", Small("lr"));
        blind.Fit(Train, null, new FitContext { Seed = 5, Threads = 1 });
        Assert.InRange(blind.Evaluate(Test).Auc, 0.4, 0.65);
    }

    [Fact]
    public void BprLossTrainsARanker()
    {
        var options = Small("fm");
        options["loss"] = "bpr";
        using var model = CtrModels.Create("fm", options);
        model.Fit(Train, null, new FitContext { Seed = 5, Threads = 1 });

        var metrics = model.Evaluate(Test);
        Assert.True(metrics.Auc > 0.8, $"AUC {metrics.Auc:F3}");
        Assert.True(metrics.GroupAuc > 0.8, $"GAUC {metrics.GroupAuc:F3}");
    }

    [Fact]
    public void EarlyStoppingKeepsTheBestValidationEpoch()
    {
        var options = Small("fm");
        options["patience"] = "2";
        options["epochs"] = "15";
        using var model = CtrModels.Create("fm", options);
        model.Fit(Train, Test, new FitContext { Seed = 5, Threads = 1 });

        var best = model.TrainingHistory.Where(h => h.Metric is not null).MaxBy(h => h.Metric!.Value);
        Assert.Equal(best.Epoch, model.BestEpoch);
        Assert.Equal(best.Metric!.Value, model.Evaluate(Test).Auc, 6);
    }

    [Theory]
    [InlineData("deepfm")]
    [InlineData("autoint")]
    [InlineData("ffm")]
    public void SavedModelPredictsIdentically(string alias)
    {
        using var dir = new TempDirectory();
        var options = Small(alias);
        options["epochs"] = "2";
        using var model = CtrModels.Create(alias, options);
        model.Fit(Train, null, new FitContext { Seed = 5, Threads = 1 });
        model.Save(dir.Path);

        using var loaded = CtrModel.Load(dir.Path);

        Assert.Equal(model.PredictLogits(Test), loaded.PredictLogits(Test));
        Assert.Equal(alias, loaded.Alias);
    }

    [Fact]
    public void AttentionDumpHasOneRowStochasticMapPerLayerAndHead()
    {
        var options = Small("autoint");
        options["epochs"] = "1";
        options["attention_layers"] = "2";
        options["attention_heads"] = "3";
        using var model = CtrModels.Create("autoint", options);
        model.Fit(Train, null, new FitContext { Seed = 5, Threads = 1 });

        var dump = model.DumpAttention(Test, maxRows: 100)!;

        Assert.Equal(["a", "b", "noise"], dump.Fields);
        Assert.Equal(2, dump.Layers.Count);
        Assert.All(dump.Layers, l => Assert.Equal(3, l.Heads.Length));
        Assert.All(dump.Layers[0].Mean, row => Assert.Equal(1.0, row.Sum(), 4));
        using var fm = CtrModels.Create("fm", options.Where(kv => kv.Key is not ("attention_layers" or "attention_heads" or "mlp_dims")).ToDictionary());
        fm.Fit(Train, null, new FitContext { Seed = 5, Threads = 1 });
        Assert.Null(fm.DumpAttention(Test));
    }

    [Fact]
    public void OptionsAreValidatedAndUnknownKeysRejected()
    {
        var bad = Assert.Throws<OptionsException>(() => CtrModels.Create("deepfm", new Dictionary<string, object?> { ["embedding_dim"] = "0" }));
        Assert.Equal("model.embedding_dim", bad.Key);
        var unknown = Assert.Throws<OptionsException>(() => CtrModels.Create("fm", new Dictionary<string, object?> { ["cross_layers"] = "2" }));
        Assert.Equal("model.cross_layers", unknown.Key);
        Assert.Throws<OptionsException>(() => CtrModels.Get("no-such-model"));
    }
}
