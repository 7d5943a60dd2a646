namespace Chucheon.Models.Baselines;

/// <summary>Options of <see cref="RandomRecommender"/>; the seed comes from the run.</summary>
public sealed class RandomOptions : IModelOptions
{
    public void Validate()
    {
    }
}
