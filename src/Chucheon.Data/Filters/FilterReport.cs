using System.Globalization;
using System.Text;

namespace Chucheon.Data.Filters;

/// <summary>What one filter step removed. A user or item counts as removed by the step that took away its last row.</summary>
/// <param name="Step">Stable step name: unused-ids, time-window, min-rating, dedupe, max-user-interactions, k-core.</param>
public sealed record FilterStepReport(string Step, int RowsRemoved, int UsersRemoved, int ItemsRemoved, string? Detail = null);

/// <summary>The effect of <see cref="DatasetFilters.Apply"/>: sizes before and after, and each step that ran.</summary>
/// <remarks>Steps that were not configured are absent. Removals sum over steps to the totals, because ids that never
/// had an interaction are reported as their own first step ("unused-ids").</remarks>
public sealed record FilterReport(
    int InputRows, int InputUsers, int InputItems,
    int OutputRows, int OutputUsers, int OutputItems,
    IReadOnlyList<FilterStepReport> Steps)
{
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"filters: {InputRows} rows, {InputUsers} users, {InputItems} items -> {OutputRows} rows, {OutputUsers} users, {OutputItems} items");
        foreach (var s in Steps)
        {
            sb.AppendLine();
            sb.Append(inv, $"  {s.Step}: -{s.RowsRemoved} rows, -{s.UsersRemoved} users, -{s.ItemsRemoved} items");
            if (s.Detail is not null) { sb.Append(inv, $" ({s.Detail})"); }
        }

        return sb.ToString();
    }
}
