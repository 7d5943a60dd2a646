namespace Chucheon.Evaluation;

/// <summary>One user's evaluated top list, best first (after exclusions), as kept for a recommendations file.</summary>
public sealed record RankedList(int User, int[] Items, float[] Scores);
