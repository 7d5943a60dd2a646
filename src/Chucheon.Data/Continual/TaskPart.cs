namespace Chucheon.Data.Continual;

/// <summary>One of the three disjoint user groups of a task's <see cref="UserPartition"/>.</summary>
public enum TaskPart
{
    Train,
    Valid,
    Test,
}
