using Chucheon.Data.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Continual;

/// <summary>FineAll: the backbone and the current task's head are fine-tuned on each task in turn, with nothing to
/// protect the earlier tasks — the forgetting baseline.</summary>
public sealed class FineAllLearner(TaskStream stream, ContinualModelOptions options, Device device)
    : ContinualLearner(stream, options, device)
{
    public const string Alias = "fineall";

    public override string Name => "FineAll";
}
