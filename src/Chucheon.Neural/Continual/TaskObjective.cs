using Chucheon.Data.Continual;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Continual;

/// <summary>The training loss of one task on the backbone's output, and the scores a task reads from it.</summary>
/// <remarks>Next item: autoregressive softmax over the items at every real position (position t predicts item t + 1,
/// the last position the held-out label), NextItNet's own objective. Item recommendation: a full softmax whose target
/// is the user's whole label set, uniformly weighted (the multinomial likelihood; CONURE / TERACON sample one target
/// per step, which is the same objective in expectation). Classification: softmax cross-entropy.</remarks>
public static class TaskObjective
{
    /// <summary>[B, T, D] encoded sequence → [B, labels] scores at the last position.</summary>
    public static Tensor Outputs(Tensor encoded, Linear head) => head.forward(encoded.select(1, -1));

    public static Tensor Loss(ContinualTask task, ReadOnlySpan<int> users, Tensor encoded, Tensor tokens, Linear head)
    {
        ArgumentNullException.ThrowIfNull(task);
        using var scope = NewDisposeScope();
        var device = encoded.device;
        Tensor loss;
        switch (task.Kind)
        {
            case ContinualTaskKind.NextItem:
            {
                var labels = new long[users.Length];
                for (var i = 0; i < users.Length; i++) { labels[i] = task.LabelOf(users[i]) + 1L; }
                // Targets are the tokens shifted left by one, with the held-out label after the last position.
                var next = cat([tokens.narrow(1, 1, tokens.shape[1] - 1), tensor(labels, ScalarType.Int64, device).unsqueeze(1)], 1);
                var present = tokens.ne(0L).flatten().nonzero().squeeze(1);
                var rows = encoded.reshape(-1, encoded.shape[2]).index_select(0, present);
                var targets = next.flatten().index_select(0, present) - 1L;
                loss = F.cross_entropy(head.forward(rows), targets);
                break;
            }
            case ContinualTaskKind.ItemRecommendation:
            {
                var target = new float[users.Length * (long)task.LabelCount];
                for (var i = 0; i < users.Length; i++)
                {
                    var set = task.LabelsOf(users[i]);
                    foreach (var label in set) { target[(i * (long)task.LabelCount) + label] = 1f / set.Length; }
                }

                var logProbabilities = F.log_softmax(Outputs(encoded, head), 1);
                var weights = tensor(target, [users.Length, task.LabelCount], ScalarType.Float32, device);
                loss = -(logProbabilities * weights).sum(1).mean();
                break;
            }
            case ContinualTaskKind.Classification:
            {
                var labels = new long[users.Length];
                for (var i = 0; i < users.Length; i++) { labels[i] = task.LabelOf(users[i]); }
                loss = F.cross_entropy(Outputs(encoded, head), tensor(labels, ScalarType.Int64, device));
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(task), task.Kind, $"Task '{task.Name}' has an unknown kind.");
        }

        return loss.MoveToOuterDisposeScope();
    }
}
