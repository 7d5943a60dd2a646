namespace Chucheon.Data.Splits;

/// <summary>Strong generalization (Liang et al. 2018, "Variational Autoencoders for Collaborative Filtering"): a fraction
/// of users is removed from training; each such user's rows are divided at random into fold-in (shown to the model as
/// history when it is evaluated) and held-out rows (what it is evaluated on).</summary>
/// <remarks>
/// Eligible users have at least <c>min_history</c> rows (and two, when fold-in is non-empty, so both sides get one).
/// <c>held_out_users</c> and <c>validation_users</c> are fractions of the eligible users, rounded half away from zero;
/// which users is decided by a per-user random key, so the choice is stable under the seed. A held-out user with n
/// rows keeps round(n · fold_in_ratio) of them as fold-in, clamped so that both sides are non-empty (with
/// <c>fold_in_ratio: 0</c> everything is held out: pure cold start). Fold-in rows of test and validation users alike go to
/// <see cref="DataSplit.FoldIn"/>; training has none of their rows.
/// </remarks>
internal static class HeldOutUsersSplitter
{
    public static SplitPart[] Assign(InteractionDataset dataset, SplitSpec spec, int seed)
    {
        var parts = new SplitPart[dataset.Log.Count];
        var foldInRatio = spec.ResolvedFoldInRatio;
        var minRows = Math.Max(spec.ResolvedMinHistory, foldInRatio > 0 ? 2 : 1);
        var byUser = RandomSplitter.GroupRowsBySourceOrder(dataset.Log, dataset.UserCount);

        var eligible = new List<(ulong Key, int User, SplitMix64 Random)>();
        for (var u = 0; u < dataset.UserCount; u++)
        {
            if (byUser[u].Length < minRows) { continue; }
            var random = SplitMix64.ForKey(seed, dataset.Users.GetRaw(u));
            eligible.Add((random.NextUInt64(), u, random));
        }

        eligible.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.User.CompareTo(b.User));
        var nTest = Math.Min(eligible.Count, SplitAssembly.RoundCount(eligible.Count * spec.ResolvedHeldOutUsers));
        var nValid = Math.Min(eligible.Count - nTest, SplitAssembly.RoundCount(eligible.Count * spec.ResolvedValidationUsers));
        for (var k = 0; k < nTest + nValid; k++)
        {
            var (_, user, random) = eligible[k];
            var rows = byUser[user];
            var n = rows.Length;
            var foldIn = Math.Clamp(SplitAssembly.RoundCount(n * foldInRatio), foldInRatio > 0 ? 1 : 0, n - 1);
            var heldOut = n - foldIn;
            random.PartialShuffle(rows.AsSpan(), heldOut);
            var part = k < nTest ? SplitPart.Test : SplitPart.Validation;
            for (var i = 0; i < n; i++) { parts[rows[i]] = i < heldOut ? part : SplitPart.FoldIn; }
        }

        return parts;
    }
}
