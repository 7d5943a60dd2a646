using Chucheon.Data;

namespace Chucheon.Evaluation;

/// <summary>Who is evaluated against what: each user's scoring history, the items excluded from their ranking, and
/// their relevant set.</summary>
/// <remarks>
/// Excluded from a user's ranking: every item in their scoring history (training rows plus fold-in rows), and when
/// the target is Test also their Validation items. Both are known positives that are not under test; leaving them in
/// would reward a model for recommending what the user is already known to have.
/// Relevant set: the user's items in the target log minus any excluded item (a repeat of a history item could never
/// be ranked, so counting it would only lower every model's recall alike). Users left with no relevant item are skipped.
/// </remarks>
internal sealed class EvaluationProtocol
{
    private EvaluationProtocol(CsrMatrix history, CsrMatrix? knownPositives, CsrMatrix relevant, int[] users, int relevantPairsExcluded)
    {
        History = history;
        KnownPositives = knownPositives;
        Relevant = relevant;
        Users = users;
        RelevantPairsExcluded = relevantPairsExcluded;
    }

    /// <summary>What the scorer is given about each user (<see cref="DataSplit.EvaluationHistory"/>).</summary>
    public CsrMatrix History { get; }

    /// <summary>Validation items when evaluating Test; null when evaluating Validation.</summary>
    public CsrMatrix? KnownPositives { get; }

    /// <summary>Each user's relevant items (sorted); empty rows for skipped users.</summary>
    public CsrMatrix Relevant { get; }

    /// <summary>Users with at least one relevant item, ascending: the users that are evaluated.</summary>
    public int[] Users { get; }

    /// <summary>Target (user, item) pairs dropped from relevant sets because the item is excluded for that user.</summary>
    public int RelevantPairsExcluded { get; }

    public static EvaluationProtocol Create(DataSplit split, EvaluationTarget target)
    {
        ArgumentNullException.ThrowIfNull(split);
        var userCount = split.UserCount;
        var itemCount = split.ItemCount;
        var history = split.EvaluationHistory;
        var knownPositives = target == EvaluationTarget.Test && split.Validation.Count > 0
            ? split.Validation.ToUserItemMatrix(userCount, itemCount)
            : null;
        var targetLog = target switch
        {
            EvaluationTarget.Test => split.Test,
            EvaluationTarget.Validation => split.Validation,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown evaluation target."),
        };
        var raw = targetLog.ToUserItemMatrix(userCount, itemCount);

        var pointers = new int[userCount + 1];
        var columns = new int[raw.NonZeros];
        var users = new List<int>();
        var written = 0;
        var dropped = 0;
        for (var u = 0; u < userCount; u++)
        {
            foreach (var item in raw.RowIndices(u))
            {
                if (history.Contains(u, item) || (knownPositives?.Contains(u, item) ?? false))
                {
                    dropped++;
                }
                else
                {
                    columns[written++] = item;
                }
            }

            if (written > pointers[u]) { users.Add(u); }
            pointers[u + 1] = written;
        }

        var ones = new float[written];
        Array.Fill(ones, 1f);
        var relevant = new CsrMatrix(userCount, itemCount, pointers, columns[..written], ones);
        return new EvaluationProtocol(history, knownPositives, relevant, [.. users], dropped);
    }

    /// <summary>Marks the user's excluded items with -Infinity, which <see cref="TopK"/> never selects.</summary>
    public void MaskExcluded(int user, Span<float> scores)
    {
        foreach (var item in History.RowIndices(user)) { scores[item] = float.NegativeInfinity; }
        if (KnownPositives is not null)
        {
            foreach (var item in KnownPositives.RowIndices(user)) { scores[item] = float.NegativeInfinity; }
        }
    }

    /// <summary>Upper bound on <see cref="WriteUnavailable"/>'s output length for a user.</summary>
    public int UnavailableBound(int user) =>
        History.RowLength(user) + (KnownPositives?.RowLength(user) ?? 0) + Relevant.RowLength(user);

    /// <summary>Writes the sorted, distinct items a sampled negative may not be (excluded or relevant); returns the count.</summary>
    public int WriteUnavailable(int user, Span<int> destination)
    {
        var count = Merge(History.RowIndices(user), KnownPositives is null ? [] : KnownPositives.RowIndices(user), destination);
        var partial = destination[..count].ToArray();
        return Merge(partial, Relevant.RowIndices(user), destination);
    }

    /// <summary>Union of two sorted, distinct lists.</summary>
    private static int Merge(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> destination)
    {
        int i = 0, j = 0, w = 0;
        while (i < a.Length || j < b.Length)
        {
            int next;
            if (j >= b.Length || (i < a.Length && a[i] < b[j])) { next = a[i++]; }
            else if (i >= a.Length || b[j] < a[i]) { next = b[j++]; }
            else { next = a[i++]; j++; }
            destination[w++] = next;
        }

        return w;
    }
}
