using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics.Tensors;
using Chucheon.Data;
using Chucheon.Models.Factorization;

namespace Chucheon.Models.Als;

/// <summary>Implicit-feedback alternating least squares (alias <c>ials</c>).</summary>
/// <remarks>
/// Hu, Koren and Volinsky, "Collaborative Filtering for Implicit Feedback Datasets", ICDM 2008: minimise
/// Σ_ui c_ui (p_ui − x_uᵀy_i)² + λ(‖X‖² + ‖Y‖²) over all user–item pairs, p = 1 on observed entries, alternating exact
/// row updates. Rows are solved with a few warm-started conjugate-gradient steps (Takács et al. 2011), as in the
/// <c>implicit</c> library; see <see cref="ImplicitLeastSquares"/>. Confidence variants: <see cref="ConfidenceWeighting"/>.
/// Each row update reads only the other side's factors and one shared Gram matrix, so rows run in parallel and the
/// result does not depend on the thread count.
/// </remarks>
public sealed class ImplicitAls : MatrixFactorizationModel
{
    public const string AliasName = "ials";

    private readonly IalsOptions _options;
    private readonly Lock _gramLock = new();
    private ConfidenceWeighting? _weighting;
    private float[]? _itemGram;
    private float[]? _userGram;

    public ImplicitAls(IalsOptions options) : base(options.Factors)
    {
        options.Validate();
        _options = options;
    }

    public override string Alias => AliasName;

    public override IModelOptions Options => _options;

    public override void Fit(InteractionDataset train, FitContext context)
    {
        var weighting = ConfidenceWeighting.Create(_options, train);
        var userItems = weighting.Build(train, context.ParallelOptions);
        var itemUsers = userItems.Transpose();
        var (users, items, k) = (train.UserCount, train.ItemCount, Factors);

        // Seeded normal initialisation, drawn sequentially so it is the same for any thread count.
        var random = SeededRandom.Derive(context.Seed, 0x1A15);
        var userFactors = new float[users * k];
        var itemFactors = new float[items * k];
        foreach (var matrix in new[] { userFactors, itemFactors })
        {
            for (var j = 0; j < matrix.Length; j++) { matrix[j] = (float)(random.NextGaussian() * _options.InitScale); }
        }

        var fitted = new bool[users];
        for (var u = 0; u < users; u++) { fitted[u] = userItems.RowLength(u) > 0; }
        _weighting = weighting;
        SetFactors(users, items, userFactors, itemFactors, null, fitted);

        for (var iteration = 1; iteration <= _options.Iterations; iteration++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var iterationClock = System.Diagnostics.Stopwatch.StartNew();
            SolveSide(userFactors, userItems, itemFactors, items, context.ParallelOptions);
            SolveSide(itemFactors, itemUsers, userFactors, users, context.ParallelOptions);
            InvalidateCaches();
            var solveSeconds = iterationClock.Elapsed.TotalSeconds;
            var loss = _options.ComputeLoss ? Loss(userItems, itemUsers, userFactors, itemFactors) : double.NaN;
            var detail = _options.ComputeLoss ? string.Create(CultureInfo.InvariantCulture, $"loss={loss:G6}") : null;
            context.TrainingLog?.Record(new EpochSummary(iteration, loss, null, solveSeconds));
            context.Report("ials", iteration, _options.Iterations, detail);
        }

        context.TrainingLog?.Finish(_options.Iterations, null, stoppedEarly: false);
    }

    /// <summary>The exact least-squares user row given the current item factors (what one user half-step would give
    /// with the Cholesky solver).</summary>
    public override float[] RecalculateUser(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        var weighting = _weighting ?? throw new InvalidOperationException("The model is not fitted.");
        var (kept, keptValues) = Known(items, values, ItemCount);
        var confidence = new float[kept.Length];
        weighting.UserRow(kept, keptValues, confidence);
        return SolveExact(Gram(ref _itemGram, ItemMatrix, ItemCount), ItemMatrix, kept, confidence);
    }

    /// <summary>The exact least-squares item row given the current user factors; its popularity factor comes from the
    /// row's length (genre factors need the users' histories and are left out).</summary>
    public override (float[] Factors, float Bias) RecalculateItem(ReadOnlySpan<int> users, ReadOnlySpan<float> values)
    {
        var weighting = _weighting ?? throw new InvalidOperationException("The model is not fitted.");
        var (kept, keptValues) = Known(users, values, UserCount);
        var scale = ConfidenceWeighting.PopularityScale(kept.Length, weighting.MeanPopularity, _options.ItemPopularityConfidence);
        var confidence = new float[kept.Length];
        for (var e = 0; e < kept.Length; e++) { confidence[e] = weighting.Confidence(keptValues[e], scale, 0); }
        return (SolveExact(Gram(ref _userGram, UserMatrix, UserCount), UserMatrix, kept, confidence), 0f);
    }

    public override void Save(ArtifactWriter writer)
    {
        base.Save(writer);
        (_weighting ?? throw new InvalidOperationException("The model is not fitted.")).Save(writer);
    }

    public static ImplicitAls Load(IalsOptions options, ArtifactReader reader)
    {
        var model = new ImplicitAls(options) { _weighting = ConfidenceWeighting.Load(options, reader) };
        model.LoadFactors(reader);
        return model;
    }

    protected override void InvalidateCaches()
    {
        base.InvalidateCaches();
        lock (_gramLock) { _itemGram = _userGram = null; }
    }

    /// <summary>One half-sweep: every row of <paramref name="target"/> re-solved against the fixed side.</summary>
    private void SolveSide(float[] target, CsrMatrix confidence, float[] fixedFactors, int fixedRows, ParallelOptions parallel)
    {
        var k = Factors;
        var gram = new float[k * k];
        FactorKernels.Gram(fixedFactors, fixedRows, k, gram, parallel);
        var scaled = _options.RegExponent != 0;
        if (!scaled)
        {
            for (var j = 0; j < k; j++) { gram[(j * k) + j] += _options.Reg; }
        }

        Parallel.ForEach(Partitioner.Create(0, confidence.Rows, 64), parallel,
            () => (Floats: new float[3 * k], Doubles: new double[(k * k) + k]),
            (range, _, scratch) =>
            {
                for (var row = range.Item1; row < range.Item2; row++)
                {
                    var x = target.AsSpan(row * k, k);
                    var n = confidence.RowLength(row);
                    if (n == 0)
                    {
                        // With nothing observed the least-squares solution is exactly zero.
                        x.Clear();
                        continue;
                    }

                    var lambda = scaled ? _options.Reg * MathF.Pow(n, _options.RegExponent) : 0f;
                    if (_options.Solver == IalsSolver.Cg)
                    {
                        ImplicitLeastSquares.ConjugateGradient(gram, lambda, fixedFactors, confidence.RowIndices(row),
                            confidence.RowValues(row), x, _options.CgSteps, scratch.Floats);
                    }
                    else
                    {
                        ImplicitLeastSquares.Exact(gram, lambda, fixedFactors, confidence.RowIndices(row),
                            confidence.RowValues(row), x, scratch.Doubles);
                    }
                }

                return scratch;
            }, _ => { });
    }

    private float[] SolveExact(float[] gram, float[] fixedFactors, ReadOnlySpan<int> rows, ReadOnlySpan<float> confidence)
    {
        var x = new float[Factors];
        if (rows.IsEmpty) { return x; }

        var lambda = _options.Reg * (_options.RegExponent == 0 ? 1f : MathF.Pow(rows.Length, _options.RegExponent));
        ImplicitLeastSquares.Exact(gram, lambda, fixedFactors, rows, confidence, x, new double[(Factors * Factors) + Factors]);
        return x;
    }

    /// <summary>Unregularised Gram matrix of one side, cached until the factors change.</summary>
    private float[] Gram(ref float[]? cache, float[] factors, int rows)
    {
        lock (_gramLock)
        {
            if (cache is null)
            {
                var gram = new float[Factors * Factors];
                FactorKernels.Gram(factors, rows, Factors, gram);
                cache = gram;
            }

            return cache;
        }
    }

    /// <summary>Drops entries whose id lies outside the fitted range (they have no factors to solve against).</summary>
    private static (int[] Ids, float[] Values) Known(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, int count)
    {
        var keptIds = new List<int>(ids.Length);
        var keptValues = new List<float>(ids.Length);
        for (var e = 0; e < ids.Length; e++)
        {
            if ((uint)ids[e] < (uint)count)
            {
                keptIds.Add(ids[e]);
                keptValues.Add(values.IsEmpty ? 1f : values[e]);
            }
        }

        return ([.. keptIds], [.. keptValues]);
    }

    /// <summary>Weighted squared loss plus ridge, normalised by the total confidence as in <c>implicit</c>:
    /// Σ_u [xᵀYᵀYx + Σ_{i∈I_u} (c(1 − s)² − s²)] + Σ λ‖·‖², with s = xᵀy.</summary>
    private double Loss(CsrMatrix userItems, CsrMatrix itemUsers, float[] userFactors, float[] itemFactors)
    {
        var (k, items) = (Factors, itemUsers.Rows);
        var gram = new float[k * k];
        FactorKernels.Gram(itemFactors, items, k, gram);
        var perUser = new double[userItems.Rows];
        var totalConfidence = (double)userItems.Rows * items;
        Parallel.For(0, userItems.Rows, u =>
        {
            var x = userFactors.AsSpan(u * k, k);
            var gx = new float[k];
            FactorKernels.MultiplySquare(gram, x, gx);
            double loss = TensorPrimitives.Dot(x, gx);
            var row = userItems.RowIndices(u);
            var c = userItems.RowValues(u);
            for (var e = 0; e < row.Length; e++)
            {
                var s = TensorPrimitives.Dot(x, itemFactors.AsSpan(row[e] * k, k));
                loss += (c[e] * (1 - s) * (1 - s)) - (s * s);
            }

            perUser[u] = loss + (RowReg(row.Length) * TensorPrimitives.Dot(x, x));
        });

        double total = 0;
        foreach (var l in perUser) { total += l; }
        foreach (var c in userItems.Values) { totalConfidence += c - 1; }
        for (var i = 0; i < items; i++)
        {
            var y = itemFactors.AsSpan(i * k, k);
            total += RowReg(itemUsers.RowLength(i)) * TensorPrimitives.Dot(y, y);
        }

        return total / totalConfidence;
    }

    private float RowReg(int n) => _options.Reg * (_options.RegExponent == 0 ? 1f : MathF.Pow(Math.Max(1, n), _options.RegExponent));
}
