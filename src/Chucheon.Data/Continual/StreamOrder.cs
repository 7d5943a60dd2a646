namespace Chucheon.Data.Continual;

/// <summary>The order a stream's tasks are trained in: as listed, last first, or a seeded permutation.</summary>
public enum StreamOrder
{
    Original,
    Reversed,
    Shuffled,
}
