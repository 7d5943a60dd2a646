using Chucheon.Configuration;

namespace Chucheon.Data.Ctr;

/// <summary>One declared field of a CTR schema. Keys are snake_case in configs (<c>name</c>, <c>kind</c>,
/// <c>max_values</c>, <c>separator</c>, <c>transform</c>).</summary>
public sealed class CtrFieldSpec : IValidatedOptions
{
    public string Name { get; set; } = "";

    public CtrFieldKind Kind { get; set; } = CtrFieldKind.Categorical;

    /// <summary>Multi-valued fields: tokens kept per example (the first ones); the rest are dropped.</summary>
    public int MaxValues { get; set; } = 8;

    /// <summary>Multi-valued fields: the token separator inside one cell.</summary>
    public string Separator { get; set; } = "|";

    public NumericTransform Transform { get; set; } = NumericTransform.LogBucket;

    public static CtrFieldSpec Categorical(string name) => new() { Name = name };

    public static CtrFieldSpec Multi(string name, int maxValues, string separator = "|") =>
        new() { Name = name, Kind = CtrFieldKind.MultiCategorical, MaxValues = maxValues, Separator = separator };

    public static CtrFieldSpec Numeric(string name, NumericTransform transform = NumericTransform.LogBucket) =>
        new() { Name = name, Kind = CtrFieldKind.Numeric, Transform = transform };

    /// <summary>Embedding slots this field occupies in every encoded example.</summary>
    public int Slots => Kind == CtrFieldKind.MultiCategorical ? MaxValues : 1;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) { throw new OptionsException("name", "a field needs a name."); }
        OptionChecks.AtLeast(MaxValues, 1, "max_values");
        if (Separator.Length == 0) { throw new OptionsException("separator", "must not be empty."); }
    }
}
