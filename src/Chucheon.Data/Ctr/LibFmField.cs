namespace Chucheon.Data.Ctr;

/// <summary>One field of a libFM/libSVM file: the inclusive range of global feature indices that belong to it.
/// libFM lines carry no field ids, so the map comes from the dataset's documentation.</summary>
public sealed record LibFmField(string Name, int First, int Last)
{
    /// <summary>Frappe's ten fields and their index ranges, as listed in the dataset README (5,382 features).</summary>
    public static IReadOnlyList<LibFmField> Frappe { get; } =
    [
        new("user", 0, 956),
        new("item", 957, 5038),
        new("daytime", 5039, 5045),
        new("weekday", 5046, 5052),
        new("isweekend", 5053, 5054),
        new("homework", 5055, 5057),
        new("cost", 5058, 5059),
        new("weather", 5060, 5068),
        new("country", 5069, 5148),
        new("city", 5149, 5381),
    ];
}
