using Chucheon.Configuration;
using Chucheon.Data.Filters;

namespace Chucheon.Data.Tests.Filters;

public class FilterSpecTests
{
    [Fact]
    public void Binds_snake_case_keys_from_a_filters_section()
    {
        var spec = OptionsBinder.Bind<FilterSpec>(new Dictionary<string, object?>
        {
            ["min_rating"] = "4",
            ["dedupe"] = "last",
            ["min_user_interactions"] = "5",
            ["min_item_interactions"] = 3,
            ["time_start"] = "880000000",
            ["time_end"] = "890000000",
            ["max_user_interactions"] = "500",
        }, "filters");

        Assert.Equal(4f, spec.MinRating);
        Assert.Equal(DedupePolicy.Last, spec.Dedupe);
        Assert.Equal(5, spec.MinUserInteractions);
        Assert.Equal(3, spec.MinItemInteractions);
        Assert.Equal(880000000L, spec.TimeStart);
        Assert.Equal(890000000L, spec.TimeEnd);
        Assert.Equal(500, spec.MaxUserInteractions);
    }

    [Fact]
    public void Defaults_filter_nothing()
    {
        var spec = new FilterSpec();
        spec.Validate();
        Assert.Null(spec.MinRating);
        Assert.Equal(DedupePolicy.None, spec.Dedupe);
        Assert.Equal(0, spec.MinUserInteractions);
        Assert.Null(spec.MaxUserInteractions);
    }

    [Theory]
    [InlineData("min_user_interactions", "-1", "filters.min_user_interactions")]
    [InlineData("min_item_interactions", "-5", "filters.min_item_interactions")]
    [InlineData("max_user_interactions", "0", "filters.max_user_interactions")]
    [InlineData("dedupe", "sometimes", "filters.dedupe")]
    [InlineData("min_items", "5", "filters.min_items")]
    public void Errors_name_the_key(string key, string value, string expectedKey)
    {
        var e = Assert.Throws<OptionsException>(() =>
            OptionsBinder.Bind<FilterSpec>(new Dictionary<string, object?> { [key] = value }, "filters"));
        Assert.Equal(expectedKey, e.Key);
    }

    [Fact]
    public void Rejects_an_empty_time_window()
    {
        var e = Assert.Throws<OptionsException>(() => new FilterSpec { TimeStart = 10, TimeEnd = 5 }.Validate());
        Assert.Equal("filters.time_end", e.Key);
    }

    [Fact]
    public void Rejects_a_maximum_below_the_minimum()
    {
        var e = Assert.Throws<OptionsException>(() => new FilterSpec { MinUserInteractions = 10, MaxUserInteractions = 5 }.Validate());
        Assert.Equal("filters.max_user_interactions", e.Key);
    }
}
