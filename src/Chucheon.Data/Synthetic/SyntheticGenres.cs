namespace Chucheon.Data.Synthetic;

/// <summary>The genre names of the synthetic catalog, most common first (MovieLens-like, so demos read naturally).</summary>
public static class SyntheticGenres
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "Drama", "Comedy", "Thriller", "Action", "Romance", "Adventure", "Crime", "Sci-Fi", "Horror",
        "Fantasy", "Children", "Animation", "Mystery", "Documentary", "War", "Musical", "Western", "Film-Noir",
    ];
}
