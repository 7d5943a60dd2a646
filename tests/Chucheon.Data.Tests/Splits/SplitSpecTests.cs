using Chucheon.Configuration;
using Chucheon.Data.Splits;

namespace Chucheon.Data.Tests.Splits;

public class SplitSpecTests
{
    private static SplitSpec Bind(params (string Key, object? Value)[] pairs) =>
        OptionsBinder.Bind<SplitSpec>(pairs.ToDictionary(p => p.Key, p => p.Value), "split");

    [Theory]
    [InlineData("leave-one-out", SplitMethod.LeaveOneOut)]
    [InlineData("leave_one_out", SplitMethod.LeaveOneOut)]
    [InlineData("temporal", SplitMethod.Temporal)]
    [InlineData("random", SplitMethod.Random)]
    [InlineData("held-out-users", SplitMethod.HeldOutUsers)]
    public void Method_names_bind_with_dashes_or_underscores(string text, SplitMethod method)
    {
        Assert.Equal(method, Bind(("method", text)).Method);
    }

    [Fact]
    public void Binds_every_method_s_keys()
    {
        Assert.True(Bind(("method", "leave_one_out"), ("validation", "true"), ("min_history", "3")).Validation);
        var random = Bind(("method", "random"), ("validation_ratio", "0.2"), ("test_ratio", "0.15"));
        Assert.Equal((0.2, 0.15), (random.ValidationRatio!.Value, random.TestRatio!.Value));
        var temporal = Bind(("method", "temporal"), ("cutoff", "893286638"), ("valid_cutoff", "890000000"));
        Assert.Equal((893286638L, 890000000L), (temporal.Cutoff!.Value, temporal.ValidCutoff!.Value));
        Assert.Equal(4, Bind(("method", "last_plus_random"), ("held_out_random", "4")).HeldOutRandom);
        var users = Bind(("method", "held_out_users"), ("held_out_users", "0.2"), ("validation_users", "0.05"), ("fold_in_ratio", "0.75"));
        Assert.Equal((0.2, 0.05, 0.75), (users.HeldOutUsers!.Value, users.ValidationUsers!.Value, users.FoldInRatio!.Value));
        var predefined = Bind(("method", "predefined"), ("train", "u1.base"), ("test", "u1.test"));
        Assert.Equal(("u1.base", null, "u1.test"), (predefined.Train, predefined.Valid, predefined.Test));
    }

    [Theory]
    [InlineData("held_out_random", "random")]
    [InlineData("test_ratio", "leave_one_out")]
    [InlineData("validation", "random")]
    [InlineData("cutoff", "random")]
    [InlineData("fold_in_ratio", "temporal")]
    [InlineData("min_history", "temporal")]
    [InlineData("train", "random")]
    public void A_key_the_method_does_not_use_is_an_error_naming_it(string key, string method)
    {
        var e = Assert.Throws<OptionsException>(() => Bind(("method", method), (key, "1")));
        Assert.Equal($"split.{key}", e.Key);
        Assert.Contains("does not apply", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("split.held_out_random", "method", "last_plus_random")]
    [InlineData("split.test", "method", "predefined", "train", "a.csv")]
    [InlineData("split.train", "method", "predefined", "test", "b.csv")]
    [InlineData("split.test_ratio", "method", "random", "test_ratio", "0.6", "validation_ratio", "0.4")]
    [InlineData("split.test_ratio", "method", "temporal", "test_ratio", "1.5")]
    [InlineData("split.test_ratio", "method", "temporal", "cutoff", "100", "test_ratio", "0.1")]
    [InlineData("split.valid_cutoff", "method", "temporal", "cutoff", "100", "valid_cutoff", "200")]
    [InlineData("split.valid_cutoff", "method", "temporal", "valid_cutoff", "200")]
    [InlineData("split.held_out_users", "method", "held_out_users", "held_out_users", "0")]
    [InlineData("split.validation_users", "method", "held_out_users", "held_out_users", "0.5", "validation_users", "0.5")]
    [InlineData("split.fold_in_ratio", "method", "held_out_users", "fold_in_ratio", "1")]
    [InlineData("split.min_history", "method", "random", "min_history", "0")]
    [InlineData("split.held_out_random", "method", "last_plus_random", "held_out_random", "-1")]
    public void Out_of_range_or_missing_values_name_the_key(string expectedKey, params string[] pairs)
    {
        var values = Enumerable.Range(0, pairs.Length / 2).Select(i => (pairs[2 * i], (object?)pairs[2 * i + 1])).ToArray();
        Assert.Equal(expectedKey, Assert.Throws<OptionsException>(() => Bind(values)).Key);
    }

    [Fact]
    public void Method_names_recorded_in_splits_are_kebab_case()
    {
        Assert.Equal("leave-one-out", SplitMethod.LeaveOneOut.ConfigName());
        Assert.Equal("last-plus-random", SplitMethod.LastPlusRandom.ConfigName());
        Assert.Equal("held-out-users", SplitMethod.HeldOutUsers.ConfigName());
    }
}
