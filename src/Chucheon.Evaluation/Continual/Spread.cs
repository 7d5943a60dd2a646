namespace Chucheon.Evaluation.Continual;

/// <summary>Mean, sample standard deviation and range of one number measured under several seeds.</summary>
/// <remarks>NaN values (e.g. a BWT whose reference was 0) are left out, so <see cref="Count"/> can be smaller than the
/// number of seeds; with no finite value every statistic is NaN.</remarks>
public sealed record Spread(double Mean, double StandardDeviation, double Min, double Max, int Count)
{
    public static Spread Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(v => !double.IsNaN(v)).ToArray();
        if (finite.Length == 0) { return new Spread(double.NaN, double.NaN, double.NaN, double.NaN, 0); }
        var mean = finite.Average();
        // Sample (n − 1) deviation: the seeds are a sample of the training noise, not the whole population.
        var std = finite.Length < 2 ? 0 : Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
        return new Spread(mean, std, finite.Min(), finite.Max(), finite.Length);
    }
}
