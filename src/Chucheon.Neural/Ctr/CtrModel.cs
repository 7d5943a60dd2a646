using System.Diagnostics;
using System.Text.Json;
using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Evaluation;
using Chucheon.Models;
using Chucheon.Neural.Ctr.Networks;
using Chucheon.Neural.Ctr.Options;
using Chucheon.Neural.Runtime;
using Chucheon.Neural.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr;

/// <summary>A CTR model: a <see cref="CtrNetwork"/> chosen by alias, trained with the shared <see cref="Trainer"/>
/// (optimizer, schedule, early stopping on validation AUC with best-weights restore, checkpoints), predicting click
/// probabilities for encoded rows. Saved models hold the layout, options and weights, so they predict without the
/// training data.</summary>
public sealed class CtrModel(string alias, CtrOptions options) : IDisposable
{
    private CtrNetwork? _network;
    private Device _device = CPU;

    public string Alias { get; } = alias;

    public CtrOptions Options { get; } = options;

    public CtrLayout? Layout { get; private set; }

    public IReadOnlyList<EpochRecord> TrainingHistory { get; private set; } = [];

    /// <summary>Epoch (0-based) whose weights the model kept; -1 before fitting.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <summary>Plateau schedule: the epoch counts after which the last fit lowered the rate
    /// (<see cref="Trainer.LearningRateDrops"/>).</summary>
    public IReadOnlyList<int> LearningRateDrops { get; private set; } = [];

    public CtrNetwork Network => _network ?? throw new InvalidOperationException($"{Alias}: the model is not fitted.");

    /// <summary>Trains on <paramref name="train"/>; with <paramref name="validation"/>, validation AUC after each
    /// epoch drives early stopping (<c>patience</c>) and the best epoch's weights are kept.</summary>
    public void Fit(CtrDataset train, CtrDataset? validation, FitContext context)
    {
        TorchRuntime.SetThreads(Options.Threads ?? context.Threads);
        _device = TorchRuntime.ResolveDevice(Options.Device);
        random.manual_seed(context.Seed);
        Layout = train.Layout;
        _network?.Dispose();
        var network = _network = CtrModels.Get(Alias).Build(train.Layout, Options);
        if (Options.LinearL2 > 0 && network.FirstOrder is null)
        {
            throw new ArgumentException($"{Alias}: linear_l2 needs a model with a first-order term (lr, fm, ffm, fwfm, deepfm, xdeepfm, ...); {Alias} has none.");
        }

        network.to(_device);
        var trainingContext = new FitContext
        {
            Seed = context.Seed,
            Threads = context.Threads,
            Progress = context.Progress,
            Cancellation = context.Cancellation,
            ValidationMetric = "AUC",
            Validate = validation is null ? null : _ => Evaluate(validation).Auc,
        };
        using var trainer = new Trainer(Options, trainingContext, Alias, _device);
        var optimizer = trainer.CreateOptimizer(network.parameters());
        trainer.Run(network, (_, rng) =>
        {
            double total = 0;
            var steps = 0;
            foreach (var batch in Trainer.Batches(train.Count, Options.BatchSize, rng))
            {
                var rows = train.Select(batch);
                total += trainer.Step(optimizer, () => BatchLoss(network, rows, rng));
                steps++;
            }

            return total / Math.Max(1, steps);
        }, NoRanking.Instance);
        TrainingHistory = trainer.History;
        BestEpoch = trainer.BestEpoch;
        LearningRateDrops = trainer.LearningRateDrops.ToArray();
        network.eval();
    }

    private Tensor BatchLoss(CtrNetwork network, CtrDataset rows, Random rng)
    {
        var (indices, values) = Inputs(rows);
        var logits = network.forward(indices, values);
        var loss = Options.Loss == CtrLoss.Bpr ? PairwiseLoss(logits, rows, rng) : Losses.Bce(logits, tensor(rows.Labels, device: _device));
        if (Options.EmbeddingL2 > 0) { loss = loss + (network.EmbeddingPenalty(indices, Options.EmbeddingRegularization) * Options.EmbeddingL2); }
        if (Options.LinearL2 > 0) { loss = loss + (network.FirstOrder!.Penalty(indices, Options.EmbeddingRegularization) * Options.LinearL2); }
        return loss;
    }

    /// <summary>BPR over (click, non-click) pairs of the batch: each click is paired with a random non-click of the same
    /// group (user) when the batch has one, else with any non-click.</summary>
    private Tensor PairwiseLoss(Tensor logits, CtrDataset rows, Random rng)
    {
        var negativesByGroup = new Dictionary<int, List<int>>();
        var allNegatives = new List<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows.Labels[r] >= 0.5f) { continue; }
            allNegatives.Add(r);
            if (!negativesByGroup.TryGetValue(rows.Groups[r], out var list)) { negativesByGroup[rows.Groups[r]] = list = []; }
            list.Add(r);
        }

        var positives = new List<long>();
        var negatives = new List<long>();
        for (var r = 0; r < rows.Count && allNegatives.Count > 0; r++)
        {
            if (rows.Labels[r] < 0.5f) { continue; }
            var pool = rows.Groups[r] >= 0 && negativesByGroup.TryGetValue(rows.Groups[r], out var same) ? same : allNegatives;
            positives.Add(r);
            negatives.Add(pool[rng.Next(pool.Count)]);
        }

        if (positives.Count == 0) { return logits.sum() * 0; }
        using var p = tensor(positives.ToArray(), device: _device);
        using var n = tensor(negatives.ToArray(), device: _device);
        return Losses.Bpr(logits.index_select(0, p), logits.index_select(0, n));
    }

    private (Tensor Indices, Tensor Values) Inputs(CtrDataset rows)
    {
        var slots = rows.Layout.SlotCount;
        return (tensor(rows.Indices, [rows.Count, slots], device: _device), tensor(rows.Values, [rows.Count, slots], device: _device));
    }

    /// <summary>Click logits for every row, in batches of <c>eval_batch_size</c> under no_grad.</summary>
    public float[] PredictLogits(CtrDataset data)
    {
        var network = Network;
        network.eval();
        using var noGrad = no_grad();
        var result = new float[data.Count];
        var batch = Options.EvalBatchSize;
        for (var start = 0; start < data.Count; start += batch)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(batch, data.Count - start);
            var slots = data.Layout.SlotCount;
            using var indices = tensor(data.Indices.AsSpan(start * slots, count * slots).ToArray(), [count, slots], device: _device);
            using var values = tensor(data.Values.AsSpan(start * slots, count * slots).ToArray(), [count, slots], device: _device);
            using var logits = network.forward(indices, values);
            TensorData.CopyTo(logits, result.AsSpan(start, count));
        }

        return result;
    }

    public float[] PredictProbabilities(CtrDataset data) =>
        PredictLogits(data).Select(l => (float)(1 / (1 + Math.Exp(-l)))).ToArray();

    /// <summary>AUC, LogLoss and group AUC on <paramref name="data"/>, timed (wall and process CPU seconds).</summary>
    public CtrMetrics Evaluate(CtrDataset data)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var probabilities = PredictProbabilities(data);
        var auc = ClassificationMetrics.Auc(probabilities, data.Labels);
        var logLoss = ClassificationMetrics.LogLoss(probabilities, data.Labels);
        var groupAuc = data.Groups.All(g => g < 0) ? double.NaN : ClassificationMetrics.GroupAuc(probabilities, data.Labels, data.Groups);
        var seconds = watch.Elapsed.TotalSeconds;
        return new CtrMetrics(auc, logLoss, groupAuc, data.Count, seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>Mean attention weights over the first <paramref name="maxRows"/> rows, per layer, head and field pair;
    /// null for models without attention.</summary>
    public AttentionDump? DumpAttention(CtrDataset data, int maxRows = 4096)
    {
        if (Network is not IAttentionNetwork attention) { return null; }
        Network.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var rows = data.Select(Enumerable.Range(0, Math.Min(maxRows, data.Count)).ToArray());
        var (indices, values) = Inputs(rows);
        var layers = new List<AttentionLayerDump>();
        foreach (var (layer, weights) in attention.AttentionMaps(indices, values))
        {
            using var mean = weights.mean([0]).to(ScalarType.Float64).cpu();
            var heads = (int)mean.shape[0];
            var fields = (int)mean.shape[1];
            var flat = mean.data<double>().ToArray();
            var perHead = Enumerable.Range(0, heads).Select(h =>
                Enumerable.Range(0, fields).Select(i => flat.AsSpan(((h * fields) + i) * fields, fields).ToArray()).ToArray()).ToArray();
            var headMean = Enumerable.Range(0, fields).Select(i =>
                Enumerable.Range(0, fields).Select(j => perHead.Average(h => h[i][j])).ToArray()).ToArray();
            layers.Add(new AttentionLayerDump(layer, perHead, headMean));
        }

        return new AttentionDump(Alias, rows.Layout.FieldNames, rows.Count, layers);
    }

    private sealed record SavedShape(string Alias, CtrLayout Layout);

    /// <summary>Writes layout, options (JSON) and weights into <paramref name="directory"/>.</summary>
    public void Save(string directory)
    {
        var writer = new ArtifactWriter(directory);
        writer.WriteJson("ctr_model", new SavedShape(Alias, Layout!));
        File.WriteAllText(Path.Combine(directory, "options.json"), JsonSerializer.Serialize(Options, Options.GetType(), IndentedJson));
        TensorData.SaveModule(Network, writer);
    }

    public static CtrModel Load(string directory)
    {
        var reader = new ArtifactReader(directory);
        var shape = reader.ReadJson<SavedShape>("ctr_model");
        var registration = CtrModels.Get(shape.Alias);
        var options = (CtrOptions)(JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(directory, "options.json")), registration.OptionsType, IndentedJson)
            ?? throw new InvalidDataException($"{directory}: empty options.json."));
        options.Validate();
        var model = new CtrModel(registration.Alias, options) { Layout = shape.Layout };
        model._device = TorchRuntime.ResolveDevice(options.Device);
        model._network = registration.Build(shape.Layout, options);
        TensorData.LoadModule(model._network, reader);
        model._network.to(model._device);
        model._network.eval();
        return model;
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public void Dispose()
    {
        _network?.Dispose();
        _network = null;
    }

    /// <summary>The shared trainer validates through an <see cref="IItemScorer"/>; CTR validation reads the model
    /// directly, so this placeholder is never scored.</summary>
    private sealed class NoRanking : IItemScorer
    {
        public static readonly NoRanking Instance = new();

        public int ItemCount => 0;

        public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores) =>
            throw new NotSupportedException("CTR models are validated by AUC, not by ranking.");
    }
}
