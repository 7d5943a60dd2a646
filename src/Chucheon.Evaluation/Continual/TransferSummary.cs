namespace Chucheon.Evaluation.Continual;

/// <summary>Forward and backward transfer per task, in percent, plus the average performance over the stream.</summary>
/// <remarks>
/// With M tasks and R the <see cref="PerformanceMatrix"/>:
/// FWT_i = (R(T_i, T_i) − R_single_i) / R_single_i × 100, where R_single_i is the same backbone trained on task i alone
/// (how much learning earlier tasks helped task i);
/// BWT_i = (R(T_M, T_i) − R(T_i, T_i)) / R(T_i, T_i) × 100 (how much later tasks changed task i; negative means forgetting);
/// average performance = mean over i of R(T_M, T_i). BWT_M is 0 by definition, so <see cref="MeanBackward"/> averages
/// tasks 1..M−1 only. A zero denominator makes that entry NaN (relative change from 0 is undefined), and means skip NaN.
/// </remarks>
public sealed record TransferSummary(
    IReadOnlyList<double> Forward,
    IReadOnlyList<double> Backward,
    double AveragePerformance,
    double MeanForward,
    double MeanBackward)
{
    /// <summary>Computes the summary; <paramref name="singleTask"/> (one entry per task) may be null when no single-task
    /// baseline was run, in which case forward transfer is NaN.</summary>
    public static TransferSummary Of(PerformanceMatrix matrix, IReadOnlyList<double>? singleTask)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.IsComplete)
        {
            throw new ArgumentException("Every R(T_j, T_i) with j >= i must be set before transfer can be computed.", nameof(matrix));
        }

        if (singleTask is not null && singleTask.Count != matrix.Count)
        {
            throw new ArgumentException($"{singleTask.Count} single-task results for {matrix.Count} tasks.", nameof(singleTask));
        }

        var m = matrix.Count;
        var forward = new double[m];
        var backward = new double[m];
        var final = 0.0;
        for (var i = 0; i < m; i++)
        {
            forward[i] = singleTask is null ? double.NaN : RelativeChange(matrix.JustLearned(i), singleTask[i]);
            backward[i] = RelativeChange(matrix.Final(i), matrix.JustLearned(i));
            final += matrix.Final(i);
        }

        return new TransferSummary(forward, backward, final / m, MeanOf(forward), MeanOf(backward.AsSpan(0, m - 1)));
    }

    /// <summary>(value − reference) / reference × 100; NaN for a zero reference.</summary>
    public static double RelativeChange(double value, double reference) =>
        reference == 0 ? double.NaN : (value - reference) / reference * 100;

    private static double MeanOf(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v)) { sum += v; count++; }
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
