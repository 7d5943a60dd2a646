using Chucheon.Data.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>The registry of continual methods by stable alias (the <c>continual_model.methods</c> values).</summary>
public static class ContinualMethods
{
    public static IReadOnlyList<string> Aliases { get; } =
    [
        SinMoLearner.Alias, FineAllLearner.Alias, TeraconLearner.Alias, TeraconLearner.FullRetentionAlias,
        HatLearner.Alias, ConureLearner.Alias, PeterRecLearner.Alias, PiggybackLearner.Alias, MtlLearner.Alias,
    ];

    /// <param name="singleTaskCache">SinMo's per-task scores, shared across scenarios (task name → test scores).</param>
    public static ContinualLearner Create(string alias, TaskStream stream, ContinualModelOptions options, Device device,
        IDictionary<string, Chucheon.Evaluation.Continual.TaskScore>? singleTaskCache = null) => alias switch
    {
        SinMoLearner.Alias => new SinMoLearner(stream, options, device, singleTaskCache),
        FineAllLearner.Alias => new FineAllLearner(stream, options, device),
        TeraconLearner.Alias => new TeraconLearner(stream, options, device, options.RelationSampling),
        TeraconLearner.FullRetentionAlias => new TeraconLearner(stream, options, device, relationSampling: false),
        HatLearner.Alias => new HatLearner(stream, options, device),
        ConureLearner.Alias => new ConureLearner(stream, options, device),
        PeterRecLearner.Alias => new PeterRecLearner(stream, options, device),
        PiggybackLearner.Alias => new PiggybackLearner(stream, options, device),
        MtlLearner.Alias => new MtlLearner(stream, options, device),
        _ => throw new ArgumentException($"Unknown continual method '{alias}'. Known: {string.Join(", ", Aliases)}.", nameof(alias)),
    };
}
