using Chucheon.Neural.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Continual;

/// <summary>Piggyback's masks must stay binary in the forward pass yet learn through the straight-through estimator.</summary>
public sealed class PiggybackTests
{
    [Fact]
    public void Straight_through_mask_is_binary_forward_and_passes_the_gradient_to_every_score()
    {
        using var masks = new WeightMasks(taskCount: 2, blocks: 1, kernelShape: [2, 2, 3]);
        using var kernel = arange(12, ScalarType.Float32).reshape(2, 2, 3) + 1;
        var score = masks.ParametersOf(1).First();
        using (no_grad()) { score[0, 0, 0] = tensor(-1f); }

        using var masked = masks.Apply(1, 0, 0, kernel);
        Assert.Equal(0f, masked[0, 0, 0].item<float>());
        Assert.Equal(kernel[1, 1, 2].item<float>(), masked[1, 1, 2].item<float>());

        masked.sum().backward();
        // d(sum)/d(score) = kernel for every weight, switched off or not: the threshold is the identity backwards.
        Assert.Equal(kernel.data<float>().ToArray(), score.grad!.data<float>().ToArray());
        Assert.Same(kernel, masks.Apply(0, 0, 0, kernel));
    }

    [Fact]
    public void Later_tasks_learn_a_sparser_mask_and_earlier_scores_stay()
    {
        var stream = SyntheticStream.Create();
        using var learner = new PiggybackLearner(stream, SyntheticStream.Options(epochs: 2), CPU);
        var matrix = learner.Run();

        using var binary = learner.Masks.Binary(1, 0, 0);
        var values = binary.data<float>().ToArray();
        Assert.All(values, v => Assert.True(v is 0f or 1f));
        Assert.Contains(0f, values);
        for (var i = 0; i < matrix.Count; i++) { Assert.Equal(matrix[i, i], matrix[matrix.Count - 1, i]); }
    }
}
