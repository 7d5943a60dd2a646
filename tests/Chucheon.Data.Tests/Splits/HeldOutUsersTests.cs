using Chucheon.Data.Splits;
using Chucheon.Data.Tests.Support;

namespace Chucheon.Data.Tests.Splits;

public class HeldOutUsersTests
{
    private static readonly InteractionDataset Data = TinyData.Build(
    [
        .. Enumerable.Range(0, 20).SelectMany(u => Enumerable.Range(0, 10).Select(i => ($"u{u}", $"i{(u + i) % 15}", (long)i))),
        ("loner", "i0", 0L),
    ]);

    [Fact]
    public void Held_out_users_leave_training_and_split_their_rows_between_fold_in_and_evaluation()
    {
        var spec = new SplitSpec { Method = SplitMethod.HeldOutUsers, HeldOutUsers = 0.1, ValidationUsers = 0.1, FoldInRatio = 0.8 };

        var split = Splitters.Split(Data, spec, seed: 11);

        var testUsers = split.Test.Users.Distinct().ToHashSet();
        var validationUsers = split.Validation.Users.Distinct().ToHashSet();
        var trainUsers = split.Train.Log.Users.Distinct().ToHashSet();
        Assert.Equal(2, testUsers.Count); // 10% of the 20 eligible users; "loner" has one row and is not eligible
        Assert.Equal(2, validationUsers.Count);
        Assert.Empty(testUsers.Intersect(validationUsers));
        Assert.Empty(trainUsers.Intersect(testUsers.Union(validationUsers)));
        Assert.Equal(17, trainUsers.Count);
        Assert.Equal(4 * 2, split.Test.Count + split.Validation.Count);
        Assert.Equal(4 * 8, split.FoldIn!.Count);
        Assert.Equal(testUsers.Union(validationUsers).Order(), split.FoldIn.Users.Distinct().Order());
        Assert.Equal("held-out-users", split.Method);
        Assert.Equal(split.Train.Log.Count + split.FoldIn.Count, split.EvaluationHistory.NonZeros);
    }

    [Fact]
    public void Zero_fold_in_holds_out_whole_histories()
    {
        var spec = new SplitSpec { Method = SplitMethod.HeldOutUsers, HeldOutUsers = 0.2, ValidationUsers = 0, FoldInRatio = 0 };

        var split = Splitters.Split(Data, spec, seed: 11);

        Assert.Empty(split.FoldIn!.Users);
        Assert.Empty(split.Validation.Users);
        Assert.Equal(4 * 10, split.Test.Count); // 20% of the 20 users with at least min_history rows, all their rows
    }
}
