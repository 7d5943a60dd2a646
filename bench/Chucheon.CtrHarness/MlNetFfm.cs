using System.Diagnostics;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;
using Chucheon.Neural.Ctr.Experiments;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Chucheon.CtrHarness;

/// <summary>ML.NET's FieldAwareFactorizationMachine trainer on the same encoded split: one sparse one-hot column per
/// field (the trainer takes fields as separate feature columns). Iterations and latent size are chosen on the
/// validation part; the test part is scored once with the chosen setting.</summary>
internal static class MlNetFfm
{
    /// <summary>ML.NET needs a fixed row class; Frappe has exactly ten fields.</summary>
    private sealed class FrappeRow
    {
        public bool Label { get; set; }
        public VBuffer<float> F0 { get; set; }
        public VBuffer<float> F1 { get; set; }
        public VBuffer<float> F2 { get; set; }
        public VBuffer<float> F3 { get; set; }
        public VBuffer<float> F4 { get; set; }
        public VBuffer<float> F5 { get; set; }
        public VBuffer<float> F6 { get; set; }
        public VBuffer<float> F7 { get; set; }
        public VBuffer<float> F8 { get; set; }
        public VBuffer<float> F9 { get; set; }
    }

    private sealed class Prediction
    {
        public float Probability { get; set; }
    }

    public sealed record Result(int Iterations, int Latent, double ValidationAuc, double Auc, double LogLoss, double FitSeconds, double FitCpuSeconds, double GridSeconds, double PredictSeconds, RefitResult? Refit);

    /// <summary>The chosen setting refitted on train ∪ validation: its iterations, test figures and fit time.</summary>
    public sealed record RefitResult(int Iterations, int Rows, double Auc, double LogLoss, double FitSeconds, double FitCpuSeconds);

    /// <summary>Chooses the setting on validation and scores it on test; with <paramref name="refit"/> (train ∪
    /// validation as its training part, see <c>CtrData.WithValidationInTraining</c>), also trains the chosen setting on
    /// that part for the iterations <paramref name="rule"/> gives and scores it on the refit split's test part.</summary>
    public static Result Run(CtrSplit<CtrDataset> split, int seed, TextWriter log, CtrSplit<CtrDataset>? refit = null, RefitEpochRule rule = RefitEpochRule.Same)
    {
        var layout = split.Train.Layout;
        if (layout.FieldCount != 10 || !layout.OneSlotPerField) { throw new NotSupportedException("The ML.NET baseline is written for Frappe's ten single-valued fields."); }
        var ml = new MLContext(seed);
        var schema = RowSchema(layout);
        var train = ml.Data.LoadFromEnumerable(Rows(split.Train), schema);
        var validation = ml.Data.LoadFromEnumerable(Rows(split.Validation), schema);
        var test = ml.Data.LoadFromEnumerable(Rows(split.Test), schema);
        var grid = Stopwatch.StartNew();
        (int Iterations, int Latent, double Auc) best = (0, 0, double.NegativeInfinity);
        foreach (var latent in new[] { 8, 20 })
        {
            foreach (var iterations in new[] { 5, 10, 20, 40, 80, 160 })
            {
                var model = Fit(ml, train, iterations, latent);
                var auc = Auc(ml, model, validation, split.Validation.Labels).Auc;
                log.WriteLine($"ml.net ffm latent {latent} iterations {iterations}: validation AUC {auc:F4}");
                if (auc > best.Auc) { best = (iterations, latent, auc); }
            }
        }

        var gridSeconds = grid.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var chosen = Fit(ml, train, best.Iterations, best.Latent);
        var fitSeconds = watch.Elapsed.TotalSeconds;
        var fitCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        watch.Restart();
        var (testAuc, logLoss) = Auc(ml, chosen, test, split.Test.Labels);
        var predictSeconds = watch.Elapsed.TotalSeconds;
        RefitResult? refitResult = null;
        if (refit is not null)
        {
            // ML.NET's iterations are passes over the rows, the same unit as an epoch of the Chucheon models.
            var iterations = CtrRefitPlan.Replay(best.Iterations, [], split.Train.Count, refit.Train.Count, rule).Epochs;
            var refitCpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var refitted = Fit(ml, ml.Data.LoadFromEnumerable(Rows(refit.Train), RowSchema(refit.Train.Layout)), iterations, best.Latent);
            var refitSeconds = watch.Elapsed.TotalSeconds;
            var refitCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - refitCpu).TotalSeconds;
            var (refitAuc, refitLogLoss) = Auc(ml, refitted, ml.Data.LoadFromEnumerable(Rows(refit.Test), RowSchema(refit.Train.Layout)), refit.Test.Labels);
            log.WriteLine($"ml.net ffm refit on {refit.Train.Count} rows, {iterations} iterations: test AUC {refitAuc:F4}");
            refitResult = new RefitResult(iterations, refit.Train.Count, refitAuc, refitLogLoss, refitSeconds, refitCpuSeconds);
        }

        return new Result(best.Iterations, best.Latent, best.Auc, testAuc, logLoss, fitSeconds, fitCpu, gridSeconds, predictSeconds, refitResult);
    }

    private static SchemaDefinition RowSchema(CtrLayout layout)
    {
        var schema = SchemaDefinition.Create(typeof(FrappeRow));
        for (var f = 0; f < 10; f++) { schema[$"F{f}"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, layout.FieldSizes[f]); }
        return schema;
    }

    private static ITransformer Fit(MLContext ml, IDataView train, int iterations, int latent) =>
        ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine(new FieldAwareFactorizationMachineTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "F0",
            ExtraFeatureColumns = Enumerable.Range(1, 9).Select(f => $"F{f}").ToArray(),
            NumberOfIterations = iterations,
            LatentDimension = latent,
            Shuffle = true,
        }).Fit(train);

    private static (double Auc, double LogLoss) Auc(MLContext ml, ITransformer model, IDataView data, float[] labels)
    {
        var probabilities = ml.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false).Select(p => p.Probability).ToArray();
        return (ClassificationMetrics.Auc(probabilities, labels), ClassificationMetrics.LogLoss(probabilities, labels));
    }

    private static IEnumerable<FrappeRow> Rows(CtrDataset data)
    {
        var offsets = data.Layout.FieldOffsets;
        var sizes = data.Layout.FieldSizes;
        for (var r = 0; r < data.Count; r++)
        {
            VBuffer<float> OneHot(int f) => new(sizes[f], 1, [1f], [(int)data.Indices[(r * 10) + f] - offsets[f]]);
            yield return new FrappeRow
            {
                Label = data.Labels[r] >= 0.5f,
                F0 = OneHot(0), F1 = OneHot(1), F2 = OneHot(2), F3 = OneHot(3), F4 = OneHot(4),
                F5 = OneHot(5), F6 = OneHot(6), F7 = OneHot(7), F8 = OneHot(8), F9 = OneHot(9),
            };
        }
    }
}
