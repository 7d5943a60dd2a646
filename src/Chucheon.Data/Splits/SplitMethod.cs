namespace Chucheon.Data.Splits;

/// <summary>How interactions are divided into train / validation / test (the <c>split.method</c> key).</summary>
public enum SplitMethod
{
    /// <summary>Per user: the latest interaction is the test item (the one before it the validation item, if asked).</summary>
    LeaveOneOut,

    /// <summary>Global: everything after a time cutoff is held out, as in production where the future is unknown.</summary>
    Temporal,

    /// <summary>Per user: a random fraction of each user's interactions is held out.</summary>
    Random,

    /// <summary>Per user: the latest interaction plus N random earlier ones are held out (the Kaggle movie-rec protocol).</summary>
    LastPlusRandom,

    /// <summary>A fraction of users is held out entirely; part of their history is shown at evaluation time (fold-in).</summary>
    HeldOutUsers,

    /// <summary>Train / validation / test come from separate files.</summary>
    Predefined,
}

public static class SplitMethodNames
{
    /// <summary>The name recorded in <see cref="DataSplit.Method"/> and run records ("leave-one-out", "last-plus-random", ...).
    /// Configs may write it with dashes, underscores or in PascalCase.</summary>
    public static string ConfigName(this SplitMethod method) => method switch
    {
        SplitMethod.LeaveOneOut => "leave-one-out",
        SplitMethod.Temporal => "temporal",
        SplitMethod.Random => "random",
        SplitMethod.LastPlusRandom => "last-plus-random",
        SplitMethod.HeldOutUsers => "held-out-users",
        SplitMethod.Predefined => "predefined",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown split method."),
    };
}
