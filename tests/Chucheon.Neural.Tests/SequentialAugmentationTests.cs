using Chucheon.Configuration;
using Chucheon.Models;
using Chucheon.Neural.Sequential;

namespace Chucheon.Neural.Tests;

public sealed class SequentialAugmentationTests
{
    private static readonly int[] Sequence = [3, 8, 1, 9, 4, 7, 2, 6, 5, 0];

    private static SequenceAugmenter Augmenter()
    {
        var correlation = ItemCorrelation.FromSequences([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, 11]], 12, window: 1);
        return new SequenceAugmenter(new CoSeRecOptions(), correlation);
    }

    [Theory]
    [InlineData(Augmentation.Crop)]
    [InlineData(Augmentation.Mask)]
    [InlineData(Augmentation.Reorder)]
    [InlineData(Augmentation.Substitute)]
    [InlineData(Augmentation.Insert)]
    public void SameSeedSameView(Augmentation augmentation)
    {
        var augmenter = Augmenter();
        Assert.Equal(augmenter.Apply(augmentation, Sequence, new Random(9)), augmenter.Apply(augmentation, Sequence, new Random(9)));
        var copy = (int[])Sequence.Clone();
        augmenter.Apply(augmentation, copy, new Random(1));
        Assert.Equal(Sequence, copy);
    }

    [Fact]
    public void CropIsAContiguousWindowOfTheRatio()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var view = SequenceAugmenter.Crop(Sequence, 0.6, new Random(seed));
            Assert.Equal(6, view.Length);
            var start = Array.IndexOf(Sequence, view[0]);
            Assert.Equal(Sequence[start..(start + 6)], view);
        }

        Assert.Equal([4], SequenceAugmenter.Crop([4], 0.6, new Random(0)));
    }

    [Fact]
    public void MaskHidesExactlyTheRatioAndKeepsTheRest()
    {
        var view = SequenceAugmenter.Mask(Sequence, 0.3, new Random(4));
        Assert.Equal(Sequence.Length, view.Length);
        Assert.Equal(3, view.Count(i => i == SequenceAugmenter.Masked));
        for (var i = 0; i < view.Length; i++)
        {
            if (view[i] != SequenceAugmenter.Masked) { Assert.Equal(Sequence[i], view[i]); }
        }
    }

    [Fact]
    public void ReorderPermutesOneWindowOnly()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var view = SequenceAugmenter.Reorder(Sequence, 0.4, new Random(seed));
            Assert.Equal(Sequence.Order(), view.Order());
            var changed = Enumerable.Range(0, view.Length).Where(i => view[i] != Sequence[i]).ToArray();
            if (changed.Length > 0) { Assert.True(changed[^1] - changed[0] < 4, "changes stay inside a 4-item window"); }
        }
    }

    [Fact]
    public void SubstituteAndInsertUseCorrelatedItems()
    {
        var augmenter = Augmenter();
        var chain = new[] { 2, 3, 4, 5 };
        var substituted = augmenter.Apply(Augmentation.Substitute, chain, new Random(2));
        Assert.Equal(chain.Length, substituted.Length);
        Assert.Contains(Enumerable.Range(0, chain.Length), i => substituted[i] != chain[i]);
        // Window 1: an item's neighbours are its predecessor and successor in the walk.
        Assert.All(Enumerable.Range(0, chain.Length), i => Assert.True(substituted[i] == chain[i] || Math.Abs(substituted[i] - chain[i]) == 1));

        var inserted = augmenter.Apply(Augmentation.Insert, chain, new Random(2));
        Assert.Equal(chain.Length + 1, inserted.Length);
        // The original is a subsequence of the result.
        var k = 0;
        foreach (var item in inserted) { if (k < chain.Length && item == chain[k]) { k++; } }
        Assert.Equal(chain.Length, k);
    }

    [Fact]
    public void ItemCorrelationPicksTheStrongestNeighbour()
    {
        var correlation = ItemCorrelation.FromSequences([[0, 1], [0, 1], [0, 2], [3]], 4, window: 1);
        Assert.Equal(1, correlation.MostCorrelated(0));
        Assert.Equal(0, correlation.MostCorrelated(2));
        Assert.Equal(-1, correlation.MostCorrelated(3));
    }

    [Theory]
    [InlineData("sasrec", "heads", 3)]
    [InlineData("sasrec", "max_length", 1)]
    [InlineData("cl4srec", "temperature", 0)]
    [InlineData("bert4rec", "mask_probability", 0)]
    [InlineData("nextitnet", "kernel_size", 1)]
    public void BadOptionsNameTheKey(string alias, string key, object value)
    {
        var error = Assert.ThrowsAny<OptionsException>(() => ModelRegistry.Create(alias, new Dictionary<string, object?> { [key] = value }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HierarchicalNeedsAugmentations()
    {
        var error = Assert.ThrowsAny<OptionsException>(() => ModelRegistry.Create("sasrec", new Dictionary<string, object?> { ["hierarchical"] = true }));
        Assert.Contains("hierarchical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitLevelsIsReadFromConfigAndRefusedWithoutAStack()
    {
        var model = ModelRegistry.Create("hierarchical-cl", new Dictionary<string, object?> { ["split_levels"] = true });
        Assert.True(Assert.IsType<HierarchicalClOptions>(Assert.IsType<SequentialRecommender>(model).Options).SplitLevels);
        var error = Assert.ThrowsAny<OptionsException>(() => ModelRegistry.Create("cl4srec", new Dictionary<string, object?> { ["split_levels"] = true }));
        Assert.Contains("split_levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitLevelsTrainsDifferentlyFromEveryRowAtEveryLevel()
    {
        var data = new SequentialSynthetic();
        float[] Run(bool split)
        {
            using var model = SequentialSynthetic.Small(split ? "hierarchical-cl-split" : "hierarchical-cl-original", epochs: 2);
            model.Fit(data.Train, Synthetic.Context(seed: 5));
            var scores = new float[data.Sequences.Length * model.ItemCount];
            model.ScoreSequences(Enumerable.Range(0, data.Sequences.Length).ToArray(), data.Sequences, scores);
            return scores;
        }

        Assert.NotEqual(Run(split: false), Run(split: true));
    }

    [Fact]
    public void SameTargetIsReadFromConfigAndRefusedForTheClozeModel()
    {
        var model = ModelRegistry.Create("sasrec", new Dictionary<string, object?> { ["augmentations"] = new List<object?> { "same_target" } });
        Assert.Equal([Augmentation.SameTarget], Assert.IsType<SasRecOptions>(Assert.IsType<SequentialRecommender>(model).Options).Augmentations);
        var error = Assert.ThrowsAny<OptionsException>(() =>
            ModelRegistry.Create("bert4rec", new Dictionary<string, object?> { ["augmentations"] = new List<object?> { "same_target" } }));
        Assert.Contains("same_target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameTargetNeedsTheTargetAndTheIndex()
    {
        var positives = SameTargetPositives.FromSequences([[1, 2], [3, 2]], 4);
        var augmenter = new SequenceAugmenter(new SasRecOptions(), positives: positives);
        Assert.Equal([3], augmenter.Apply(Augmentation.SameTarget, [1], new Random(0), target: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => augmenter.Apply(Augmentation.SameTarget, [1], new Random(0)));
        Assert.Throws<InvalidOperationException>(() => Augmenter().Apply(Augmentation.SameTarget, [1], new Random(0), target: 2));
    }
}
