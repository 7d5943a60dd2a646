using Chucheon.Data.Continual;
using Chucheon.Evaluation.Continual;
using Chucheon.Neural.Continual;
using static TorchSharp.torch;

namespace Chucheon.Neural.Tests.Continual;

/// <summary>What every continual method must do on a small stream: fill the whole matrix with scores in [0, 1].</summary>
public sealed class ContinualMethodContractTests
{
    public static TheoryData<string> Methods() => [.. ContinualMethods.Aliases];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_fills_the_matrix_with_valid_scores(string alias)
    {
        var stream = SyntheticStream.Create();
        using var learner = ContinualMethods.Create(alias, stream, SyntheticStream.Options(epochs: 1), CPU);
        var matrix = learner.Run();

        Assert.True(matrix.IsComplete, $"{alias} left cells of the matrix empty");
        for (var j = 0; j < matrix.Count; j++)
        {
            for (var i = 0; i <= j; i++) { Assert.InRange(matrix[j, i], 0, 1); }
        }

        Assert.Equal(stream.Count, learner.FinalScores.Count);
    }

    [Fact]
    public void Teracon_with_masks_inside_the_branch_fills_the_matrix_and_differs_from_block_masks()
    {
        var stream = SyntheticStream.Create();
        var branchOptions = SyntheticStream.Options(epochs: 1);
        branchOptions.TeraconMasks = TeraconMaskPlacement.Branch;
        using var block = new TeraconLearner(stream, SyntheticStream.Options(epochs: 1), CPU, relationSampling: true);
        using var branch = new TeraconLearner(stream, branchOptions, CPU, relationSampling: true);
        var blockMatrix = block.Run();
        var branchMatrix = branch.Run();

        Assert.True(blockMatrix.IsComplete && branchMatrix.IsComplete);
        using var blockView = block.UserRepresentations(0);
        using var branchView = branch.UserRepresentations(0);
        Assert.False(blockView.allclose(branchView, rtol: 0, atol: 1e-4));
    }

    [Fact]
    public void Unknown_alias_is_rejected_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ContinualMethods.Create("ewc", SyntheticStream.Create(), SyntheticStream.Options(), CPU));
        Assert.Contains("teracon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_options_and_data_give_the_same_matrix()
    {
        var stream = SyntheticStream.Create();
        double[] Once()
        {
            using var learner = new FineAllLearner(stream, SyntheticStream.Options(epochs: 2), CPU);
            var m = learner.Run();
            return [.. Enumerable.Range(0, m.Count).SelectMany(j => Enumerable.Range(0, j + 1).Select(i => m[j, i]))];
        }

        Assert.Equal(Once(), Once());
    }

    [Fact]
    public void The_backbone_learns_the_group_from_the_sequence()
    {
        var stream = SyntheticStream.Create().Select(["group"]);
        using var learner = new FineAllLearner(stream, SyntheticStream.Options(epochs: 6), CPU);
        var matrix = learner.Run();

        Assert.True(matrix[0, 0] >= 0.9, $"group accuracy {matrix[0, 0]:F3}: two disjoint item ranges should be easy to tell apart");
    }
}
