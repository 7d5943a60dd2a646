using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Models.Ease;
using Chucheon.TestKit;

namespace Chucheon.Models.Tests.Ease;

public sealed class EaseModelTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    public void Non_positive_reg_is_refused_with_the_key_named(double reg)
    {
        var error = Assert.Throws<OptionsException>(() => ModelRegistry.Create("ease", new Dictionary<string, object?> { ["reg"] = reg }));
        Assert.Equal("model.reg", error.Key);
    }

    [Fact]
    public void A_catalog_over_the_memory_limit_is_refused_before_allocating()
    {
        const int items = 3000;
        var train = new InteractionDataset("wide", new IdMap(["u0"]), new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")),
            new InteractionLog([0, 0], [0, 1]));
        var model = new EaseModel(new EaseOptions());
        var context = new FitContext { MemoryLimitBytes = 64L << 20 };

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InsufficientMemoryException>(() => model.Fit(train, context));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("3,000 items", error.Message, StringComparison.Ordinal);
        Assert.Contains("EASE needs 0.1 GiB", error.Message, StringComparison.Ordinal);
        Assert.Contains("memory limit is 0.1 GiB", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes were allocated before refusing");
    }

    [Fact]
    public void Gowalla_sized_catalog_needs_more_than_8_GiB()
    {
        // 40,981 items (Gowalla): 40,981² × 12 bytes ≈ 18.8 GiB, so the default 8 GiB limit refuses it.
        Assert.True(EaseModel.RequiredBytes(40_981) > 8L << 30);
        Assert.True(EaseModel.RequiredBytes(3_628) < 200L << 20);
    }

    [Fact]
    public void Empty_histories_and_cold_items_score_zero()
    {
        var board = new Checkerboard();
        var model = new EaseModel(new EaseOptions { Reg = 10 });
        model.Fit(board.Train, new FitContext());
        var scores = new float[2 * model.ItemCount];
        model.Score([board.ColdUser, 0], board.Train.UserItems, scores);

        Assert.All(scores.AsSpan(0, model.ItemCount).ToArray(), s => Assert.Equal(0f, s));
        Assert.Equal(0f, scores[model.ItemCount + board.ColdItem]);
    }

    [Fact]
    public void Similar_items_come_from_the_same_half_of_the_checkerboard()
    {
        var board = new Checkerboard();
        var model = new EaseModel(new EaseOptions { Reg = 10 });
        model.Fit(board.Train, new FitContext());

        var similar = model.SimilarItems(3, 5);
        Assert.Equal(5, similar.Count);
        Assert.All(similar, s => Assert.InRange(s.Item, 0, 9));
        Assert.DoesNotContain(similar, s => s.Item == 3);
        Assert.Empty(model.SimilarItems(model.ItemCount + 5, 5));
    }
}
