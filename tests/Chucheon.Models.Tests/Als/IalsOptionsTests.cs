using Chucheon.Configuration;
using Chucheon.Models.Als;

namespace Chucheon.Models.Tests.Als;

public class IalsOptionsTests
{
    [Theory]
    [InlineData("factors", 0)]
    [InlineData("reg", -0.1)]
    [InlineData("alpha", -1)]
    [InlineData("iterations", 0)]
    [InlineData("cg_steps", 0)]
    [InlineData("epsilon", 0)]
    [InlineData("recency_decay_days", -1)]
    public void OutOfRangeValuesNameTheKey(string key, double value)
    {
        var error = Assert.Throws<OptionsException>(() => ModelRegistry.Create("ials", new Dictionary<string, object?> { [key] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal($"model.{key}", error.Key);
    }

    [Fact]
    public void BindsEnumsAndTheEventWeightMapFromConfiguration()
    {
        var options = OptionsBinder.Bind<IalsOptions>(new Dictionary<string, object?>
        {
            ["confidence"] = "log",
            ["solver"] = "cholesky",
            ["event_weights"] = new Dictionary<object, object?> { ["view"] = "1", ["purchase"] = "10" },
        }, "model");
        Assert.Equal(ConfidenceFunction.Log, options.Confidence);
        Assert.Equal(IalsSolver.Cholesky, options.Solver);
        Assert.Equal(10f, options.EventWeights["purchase"]);
        Assert.Equal(64, options.Factors);
    }

    [Fact]
    public void NegativeEventWeightNamesItsEntry() =>
        Assert.Equal("event_weights.cart", Assert.Throws<OptionsException>(() =>
            new IalsOptions { EventWeights = new() { ["cart"] = -1 } }.Validate()).Key);
}
