using Chucheon.Data.Continual;
using Chucheon.Evaluation.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>SinMo: a fresh backbone per task, trained on that task alone. Its scores are the single-task reference
/// R_single_i of forward transfer, and since nothing is shared nothing is forgotten (R(T_j, T_i) = R_single_i).</summary>
/// <remarks>A task's partition and training never depend on the stream order, so <paramref name="cache"/> (task name →
/// test scores) lets the original, reversed and noisy scenarios share one training per task.</remarks>
public sealed class SinMoLearner(TaskStream stream, ContinualModelOptions options, Device device, IDictionary<string, TaskScore>? cache = null)
    : ContinualLearner(stream, options, device)
{
    public const string Alias = "sinmo";

    private readonly IDictionary<string, TaskScore> _cache = cache ?? new Dictionary<string, TaskScore>(StringComparer.Ordinal);

    public override string Name => "SinMo";

    /// <summary>R_single_i in stream order, after <see cref="Run"/>.</summary>
    public IReadOnlyList<double> SingleTask => [.. Stream.TaskNames.Select(n => _cache[n].Primary)];

    public override PerformanceMatrix Run()
    {
        var matrix = StreamEvaluator.NewMatrix(Stream);
        for (var j = 0; j < Stream.Count; j++)
        {
            var name = Stream.Tasks[j].Name;
            if (!_cache.ContainsKey(name))
            {
                using var alone = new FineAllLearner(Stream.Select([name]), Options, Device) { Log = Log };
                alone.Run();
                _cache[name] = alone.FinalScores[0];
            }

            for (var i = 0; i <= j; i++) { matrix[j, i] = _cache[Stream.Tasks[i].Name].Primary; }
        }

        FinalScores = [.. Stream.TaskNames.Select(n => _cache[n])];

        return matrix;
    }
}
