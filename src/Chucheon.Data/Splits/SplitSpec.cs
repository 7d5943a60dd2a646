using Chucheon.Configuration;

namespace Chucheon.Data.Splits;

/// <summary>The <c>split:</c> section of an experiment config.</summary>
/// <remarks>
/// Method-specific keys are nullable: unset means "the method's default", and setting a key the chosen method does not
/// use is an error (a <c>test_ratio</c> under leave-one-out would otherwise be silently ignored).
/// <code>
/// split: { method: leave_one_out, validation: true }
/// split: { method: random, validation_ratio: 0.1, test_ratio: 0.1 }
/// split: { method: temporal, test_ratio: 0.1, validation_ratio: 0.1 }          # cutoffs at global time quantiles
/// split: { method: temporal, cutoff: 893286638, valid_cutoff: 890000000 }     # explicit unix-second cutoffs
/// split: { method: last_plus_random, held_out_random: 4 }
/// split: { method: held_out_users, held_out_users: 0.1, validation_users: 0.1, fold_in_ratio: 0.8 }
/// split: { method: predefined, train: u1.base, test: u1.test }
/// </code>
/// Per-user methods (leave-one-out, random, last-plus-random, held-out-users) leave users with fewer than
/// <c>min_history</c> interactions (default 2) entirely in train: holding out the only thing known about a user gives
/// a test case no model can score from history. They also never hold out a user's last remaining training row.
/// </remarks>
public sealed class SplitSpec : IValidatedOptions
{
    public const double DefaultRatio = 0.1;
    public const double DefaultFoldInRatio = 0.8;
    public const int DefaultMinHistory = 2;

    /// <summary><c>method</c>: leave_one_out | temporal | random | last_plus_random | held_out_users | predefined.</summary>
    public SplitMethod Method { get; set; } = SplitMethod.LeaveOneOut;

    /// <summary><c>validation</c> (leave-one-out, last-plus-random): also hold out a validation set, taken by the same rule
    /// from what remains after the test rows (leave-one-out: the second-to-last item). Default false.</summary>
    public bool? Validation { get; set; }

    /// <summary><c>validation_ratio</c> (random: per user; temporal: of all rows by time). Default 0.1; 0 disables validation.</summary>
    public double? ValidationRatio { get; set; }

    /// <summary><c>test_ratio</c> (random: per user; temporal: of all rows by time). Default 0.1.</summary>
    public double? TestRatio { get; set; }

    /// <summary><c>cutoff</c> (temporal): unix time; rows at or after it are test. Replaces the ratios.</summary>
    public long? Cutoff { get; set; }

    /// <summary><c>valid_cutoff</c> (temporal, with <c>cutoff</c>): rows in [valid_cutoff, cutoff) are validation.</summary>
    public long? ValidCutoff { get; set; }

    /// <summary><c>held_out_random</c> (last-plus-random, required): how many random earlier items join the latest one in test.</summary>
    public int? HeldOutRandom { get; set; }

    /// <summary><c>held_out_users</c> (held-out-users): fraction of eligible users whose held-out rows form the test set. Default 0.1.</summary>
    public double? HeldOutUsers { get; set; }

    /// <summary><c>validation_users</c> (held-out-users): fraction of eligible users held out for validation. Default 0.1; 0 disables.</summary>
    public double? ValidationUsers { get; set; }

    /// <summary><c>fold_in_ratio</c> (held-out-users): share of a held-out user's rows shown as history (FoldIn); the rest
    /// is what they are evaluated on. Default 0.8; 0 means pure cold-start users.</summary>
    public double? FoldInRatio { get; set; }

    /// <summary><c>min_history</c> (per-user methods): users with fewer interactions stay entirely in train. Default 2.</summary>
    public int? MinHistory { get; set; }

    /// <summary><c>train</c> (predefined, required): path of the training file.</summary>
    public string? Train { get; set; }

    /// <summary><c>valid</c> (predefined, optional): path of the validation file.</summary>
    public string? Valid { get; set; }

    /// <summary><c>test</c> (predefined, required): path of the test file.</summary>
    public string? Test { get; set; }

    internal bool ResolvedValidation => Validation ?? false;

    internal double ResolvedValidationRatio => ValidationRatio ?? DefaultRatio;

    internal double ResolvedTestRatio => TestRatio ?? DefaultRatio;

    internal double ResolvedHeldOutUsers => HeldOutUsers ?? DefaultRatio;

    internal double ResolvedValidationUsers => ValidationUsers ?? DefaultRatio;

    internal double ResolvedFoldInRatio => FoldInRatio ?? DefaultFoldInRatio;

    internal int ResolvedMinHistory => MinHistory ?? DefaultMinHistory;

    public void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new OptionsException("split.method", $"'{Method}' is not a split method.");
        }

        OnlyFor(Validation, "validation", SplitMethod.LeaveOneOut, SplitMethod.LastPlusRandom);
        OnlyFor(ValidationRatio, "validation_ratio", SplitMethod.Random, SplitMethod.Temporal);
        OnlyFor(TestRatio, "test_ratio", SplitMethod.Random, SplitMethod.Temporal);
        OnlyFor(Cutoff, "cutoff", SplitMethod.Temporal);
        OnlyFor(ValidCutoff, "valid_cutoff", SplitMethod.Temporal);
        OnlyFor(HeldOutRandom, "held_out_random", SplitMethod.LastPlusRandom);
        OnlyFor(HeldOutUsers, "held_out_users", SplitMethod.HeldOutUsers);
        OnlyFor(ValidationUsers, "validation_users", SplitMethod.HeldOutUsers);
        OnlyFor(FoldInRatio, "fold_in_ratio", SplitMethod.HeldOutUsers);
        OnlyFor(MinHistory, "min_history", SplitMethod.LeaveOneOut, SplitMethod.Random, SplitMethod.LastPlusRandom, SplitMethod.HeldOutUsers);
        OnlyFor(Train, "train", SplitMethod.Predefined);
        OnlyFor(Valid, "valid", SplitMethod.Predefined);
        OnlyFor(Test, "test", SplitMethod.Predefined);

        if (MinHistory is { } minHistory) { OptionChecks.AtLeast(minHistory, 1, "split.min_history"); }

        switch (Method)
        {
            case SplitMethod.Random:
            case SplitMethod.Temporal:
                ValidateRatios();
                break;
            case SplitMethod.LastPlusRandom:
                if (HeldOutRandom is not { } n)
                {
                    throw new OptionsException("split.held_out_random", "is required for method last_plus_random (0 makes it leave-one-out).");
                }

                OptionChecks.AtLeast(n, 0, "split.held_out_random");
                break;
            case SplitMethod.HeldOutUsers:
                OptionChecks.Positive(ResolvedHeldOutUsers, "split.held_out_users");
                OptionChecks.InRange(ResolvedValidationUsers, 0, 1, "split.validation_users");
                if (ResolvedHeldOutUsers + ResolvedValidationUsers >= 1)
                {
                    throw new OptionsException("split.validation_users",
                        $"held_out_users + validation_users must be < 1 so that some users train (got {ResolvedHeldOutUsers} + {ResolvedValidationUsers}).");
                }

                if (!(ResolvedFoldInRatio >= 0 && ResolvedFoldInRatio < 1))
                {
                    throw new OptionsException("split.fold_in_ratio", $"must be in [0, 1) so that something is left to evaluate (got {ResolvedFoldInRatio}).");
                }

                break;
            case SplitMethod.Predefined:
                if (string.IsNullOrWhiteSpace(Train)) { throw new OptionsException("split.train", "is required for method predefined."); }
                if (string.IsNullOrWhiteSpace(Test)) { throw new OptionsException("split.test", "is required for method predefined."); }
                break;
        }
    }

    private void ValidateRatios()
    {
        if (Method == SplitMethod.Temporal && Cutoff is not null)
        {
            if (TestRatio is not null || ValidationRatio is not null)
            {
                throw new OptionsException(TestRatio is not null ? "split.test_ratio" : "split.validation_ratio",
                    "cannot be combined with cutoff; give either explicit cutoffs or ratios.");
            }

            if (ValidCutoff is { } valid && valid > Cutoff)
            {
                throw new OptionsException("split.valid_cutoff", $"must be <= cutoff ({valid} > {Cutoff}).");
            }

            return;
        }

        if (ValidCutoff is not null)
        {
            throw new OptionsException("split.valid_cutoff", "needs cutoff as well.");
        }

        OptionChecks.InRange(ResolvedTestRatio, 0, 1, "split.test_ratio");
        OptionChecks.InRange(ResolvedValidationRatio, 0, 1, "split.validation_ratio");
        if (ResolvedTestRatio + ResolvedValidationRatio >= 1)
        {
            throw new OptionsException("split.test_ratio",
                $"test_ratio + validation_ratio must be < 1 so that something is left to train on (got {ResolvedTestRatio} + {ResolvedValidationRatio}).");
        }
    }

    private void OnlyFor(object? value, string key, params SplitMethod[] methods)
    {
        if (value is not null && !methods.Contains(Method))
        {
            throw new OptionsException($"split.{key}",
                $"does not apply to method {Method.ConfigName()} (it is used by: {string.Join(", ", methods.Select(m => m.ConfigName()))}).");
        }
    }
}
