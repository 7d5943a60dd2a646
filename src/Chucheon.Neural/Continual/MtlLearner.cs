using System.Globalization;
using Chucheon.Data.Continual;
using Chucheon.Evaluation.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>MTL: every task trained at once on the shared backbone (each step sums one batch of every task's loss).
/// Not a sequential method — it needs all tasks' data up front — so every row of its matrix holds the one jointly
/// trained model's scores: BWT is 0 by construction and FWT compares joint training with SinMo.</summary>
public sealed class MtlLearner(TaskStream stream, ContinualModelOptions options, Device device) : ContinualLearner(stream, options, device)
{
    public const string Alias = "mtl";

    public override string Name => "MTL";

    public override PerformanceMatrix Run()
    {
        var all = Backbone.parameters().Concat(Enumerable.Range(0, Stream.Count).SelectMany(t => Heads[t].parameters())).ToArray();
        using var optimizer = optim.Adam(all, Options.LearningRate);
        var best = double.NegativeInfinity;
        Tensor[]? bestState = null;
        for (var epoch = 0; epoch < Options.Epochs; epoch++)
        {
            var seed = EpochSeed(Stream.Count, epoch);
            random.manual_seed(seed);
            var rng = new Random(seed);
            SetTraining(true);
            var orders = Stream.Tasks.Select(t =>
            {
                var order = (int[])t.UsersIn(TaskPart.Train).Clone();
                rng.Shuffle(order);
                return order;
            }).ToArray();
            var batches = orders.Max(o => (o.Length + Options.BatchSize - 1) / Options.BatchSize);
            var lossSum = 0.0;
            for (var b = 0; b < batches; b++)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                Tensor? loss = null;
                for (var t = 0; t < Stream.Count; t++)
                {
                    var start = b * Options.BatchSize % Math.Max(1, orders[t].Length);
                    var batch = orders[t][start..Math.Min(orders[t].Length, start + Options.BatchSize)];
                    if (batch.Length == 0) { continue; }
                    var term = Loss(t, batch, Tokens.Of(batch), Options.SMax);
                    loss = loss is null ? term : loss + term;
                }

                if (loss is null) { continue; }
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
            }

            SetTraining(false);
            double valid;
            using (no_grad())
            {
                valid = Stream.Tasks.Where(t => t.UsersIn(TaskPart.Valid).Length > 0)
                    .Select(t => ContinualTaskEvaluator.Evaluate(t, this, TaskPart.Valid).Primary).DefaultIfEmpty(0).Average();
            }

            Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{Name}: epoch {epoch + 1}/{Options.Epochs} loss {lossSum / batches:F4} mean valid {valid:F4}"));
            if (valid > best || bestState is null)
            {
                best = valid;
                if (bestState is not null) { foreach (var t in bestState) { t.Dispose(); } }
                using var noGrad = no_grad();
                bestState = [.. Modules().SelectMany(m => m.parameters()).Select(p => p.detach().clone())];
            }
        }

        using (no_grad())
        {
            var parameters = Modules().SelectMany(m => m.parameters()).ToArray();
            for (var i = 0; i < parameters.Length; i++) { parameters[i].copy_(bestState![i]); }
            foreach (var t in bestState!) { t.Dispose(); }
        }

        var matrix = StreamEvaluator.NewMatrix(Stream);
        var last = Stream.Count - 1;
        var scores = new TaskScore[Stream.Count];
        for (var i = 0; i < Stream.Count; i++)
        {
            using (no_grad()) { scores[i] = ContinualTaskEvaluator.Evaluate(Stream.Tasks[i], this, TaskPart.Test); }
            for (var j = i; j <= last; j++) { matrix[j, i] = scores[i].Primary; }
        }

        FinalScores = scores;

        return matrix;
    }
}
