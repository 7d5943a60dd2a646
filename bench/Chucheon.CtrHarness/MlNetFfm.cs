using System.Diagnostics;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;
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

    public sealed record Result(int Iterations, int Latent, double ValidationAuc, double Auc, double LogLoss, double FitSeconds, double FitCpuSeconds, double GridSeconds, double PredictSeconds);

    public static Result Run(CtrSplit<CtrDataset> split, int seed, TextWriter log)
    {
        var layout = split.Train.Layout;
        if (layout.FieldCount != 10 || !layout.OneSlotPerField) { throw new NotSupportedException("The ML.NET baseline is written for Frappe's ten single-valued fields."); }
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(FrappeRow));
        for (var f = 0; f < 10; f++) { schema[$"F{f}"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, layout.FieldSizes[f]); }
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
        return new Result(best.Iterations, best.Latent, best.Auc, testAuc, logLoss, fitSeconds, fitCpu, gridSeconds, watch.Elapsed.TotalSeconds);
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
