namespace Chucheon.Data.Splits;

/// <summary>Per user, the latest interaction is test and (with <c>validation: true</c>) the one before it validation.</summary>
/// <remarks>"Latest" is by timestamp; ties in time, and logs without timestamps, go by file order, so the row that comes
/// later in the file is the later one. A user with fewer than <c>min_history</c> rows (default 2) stays in train; a
/// user with exactly two rows and validation on gives up its test row only, keeping one row to train on. Repeated
/// events are not collapsed here: if the test item was also consumed earlier, that earlier row stays in train (use
/// <c>filters.dedupe</c> to avoid it).</remarks>
internal static class LeaveOneOutSplitter
{
    public static SplitPart[] Assign(InteractionDataset dataset, SplitSpec spec)
    {
        var parts = new SplitPart[dataset.Log.Count];
        var minHistory = Math.Max(2, spec.ResolvedMinHistory);
        foreach (var rows in dataset.Log.RowsByUserInTimeOrder(dataset.UserCount))
        {
            if (rows.Length < minHistory) { continue; }
            parts[rows[^1]] = SplitPart.Test;
            if (spec.ResolvedValidation && rows.Length >= 3)
            {
                parts[rows[^2]] = SplitPart.Validation;
            }
        }

        return parts;
    }
}
