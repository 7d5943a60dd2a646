using System.Globalization;
using System.Numerics.Tensors;
using Chucheon.Data;
using Chucheon.Models.Factorization;

namespace Chucheon.Models.Bpr;

/// <summary>Matrix factorisation trained with Bayesian personalised ranking (alias <c>bpr</c>).</summary>
/// <remarks>
/// Rendle, Freudenthaler, Gantner and Schmidt-Thieme, "BPR: Bayesian Personalized Ranking from Implicit Feedback",
/// UAI 2009: maximise Σ ln σ(x̂_ui − x̂_uj) − λ‖Θ‖² over (user, positive, negative) triples by SGD. Each epoch visits every
/// distinct training pair once, in the stratified parallel order of <see cref="StratifiedEpoch"/>; every stratum owns a
/// random stream derived from (seed, epoch, sub-epoch, block), so a seeded fit is reproducible bit for bit with any
/// thread count (it differs across values of <c>blocks</c>). Negatives that are known positives are redrawn. With a
/// validation callback the fit stops after <c>patience</c> validations without improvement and keeps the best factors.
/// </remarks>
public sealed class BprMf : MatrixFactorizationModel
{
    public const string AliasName = "bpr";

    /// <summary>Floats per cache line: the training-time stride of item biases.</summary>
    private const int BiasStride = 16;

    private readonly BprOptions _options;
    private readonly Lock _samplerLock = new();
    private double[] _itemWeights = [];
    private AliasTable? _foldInSampler;

    public BprMf(BprOptions options) : base(options.Factors)
    {
        options.Validate();
        _options = options;
    }

    public override string Alias => AliasName;

    public override IModelOptions Options => _options;

    public override void Fit(InteractionDataset train, FitContext context)
    {
        var userItems = train.UserItems;
        var (users, items, k) = (train.UserCount, train.ItemCount, Factors);
        var rowOf = new int[userItems.NonZeros];
        var fitted = new bool[users];
        for (var u = 0; u < users; u++)
        {
            rowOf.AsSpan(userItems.RowPointers[u], userItems.RowLength(u)).Fill(u);
            fitted[u] = userItems.RowLength(u) > 0;
        }

        _itemWeights = ItemWeights(train.ItemUsers);
        var popularity = _options.NegativeSampling == NegativeSampling.Popularity ? _itemWeights : null;
        var random = SeededRandom.Derive(context.Seed, 0xB9B);
        var userFactors = Gaussian(users * k, ref random);
        var itemFactors = Gaussian(items * k, ref random);
        var bias = _options.ItemBias ? new float[items] : null;
        SetFactors(users, items, userFactors, itemFactors, bias, fitted);

        var pairs = new int[userItems.NonZeros];
        var blocks = _options.Blocks;
        (float[] U, float[] V, float[]? B)? best = null;
        var bestMetric = double.NegativeInfinity;
        var sinceBest = 0;
        var (bestEpoch, stoppedEarly) = (0, false);

        // Items of different strata are interleaved in memory, so a compact bias array would have the two workers
        // writing the same cache lines on nearly every step; during training each bias gets a cache line of its own.
        var biasLines = bias is null ? null : new float[items * BiasStride];
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var epochClock = System.Diagnostics.Stopwatch.StartNew();
            context.Cancellation.ThrowIfCancellationRequested();
            var epochRandom = SeededRandom.Derive(context.Seed, epoch);
            var plan = StratifiedEpoch.Build(userItems, rowOf, blocks, ref epochRandom, popularity, pairs);
            var loss = new double[blocks];
            var counted = new long[blocks];
            for (var shift = 0; shift < blocks; shift++)
            {
                Parallel.For(0, blocks, context.ParallelOptions, t =>
                {
                    var b = (t + shift) % blocks;
                    var stream = SeededRandom.Derive(context.Seed, epoch, shift, t);
                    var stratum = plan.Stratum(t, b);
                    stream.Shuffle(stratum);
                    float unusedPositive = 0, unusedNegative = 0;
                    var (strataLoss, strataCount) = (0.0, 0L);
                    foreach (var p in stratum)
                    {
                        var (u, i) = (rowOf[p], userItems.ColumnIndices[p]);
                        var j = plan.SampleNegative(b, userItems.RowIndices(u), ref stream);
                        if (j < 0) { continue; }

                        var g = BprSgd.Step(userFactors.AsSpan(u * k, k), itemFactors.AsSpan(i * k, k), itemFactors.AsSpan(j * k, k),
                            ref biasLines is null ? ref unusedPositive : ref biasLines[i * BiasStride],
                            ref biasLines is null ? ref unusedNegative : ref biasLines[j * BiasStride],
                            _options.LearningRate, _options.UserReg, _options.ItemReg, _options.BiasReg);
                        unusedPositive = unusedNegative = 0;
                        strataLoss -= Math.Log(Math.Max(1e-12, 1.0 - g));
                        strataCount++;
                    }

                    // Written once per stratum: per-sample writes to neighbouring slots would falsely share a line.
                    loss[t] += strataLoss;
                    counted[t] += strataCount;
                });
            }

            for (var i = 0; bias is not null && i < items; i++) { bias[i] = biasLines![i * BiasStride]; }
            InvalidateCaches();
            var meanLoss = loss.Sum() / Math.Max(1, counted.Sum());
            var trainSeconds = epochClock.Elapsed.TotalSeconds;
            var detail = string.Create(CultureInfo.InvariantCulture, $"loss={meanLoss:G5}");
            double? validated = null;
            if (context.Validate is { } validate && (epoch % _options.EvalEvery == 0 || epoch == _options.Epochs))
            {
                var metric = validate(this);
                validated = metric;
                detail += string.Create(CultureInfo.InvariantCulture, $" {context.ValidationMetric}={metric:G5}");
                if (metric > bestMetric)
                {
                    (bestMetric, sinceBest, bestEpoch) = (metric, 0, epoch);
                    best = ((float[])userFactors.Clone(), (float[])itemFactors.Clone(), (float[]?)bias?.Clone());
                }
                else if (++sinceBest >= _options.Patience)
                {
                    context.TrainingLog?.Record(new EpochSummary(epoch, meanLoss, validated, trainSeconds));
                    context.Report("bpr", epoch, _options.Epochs, detail + " (early stop)");
                    stoppedEarly = true;
                    break;
                }
            }
            else if (context.Validate is null)
            {
                bestEpoch = epoch;
            }

            context.TrainingLog?.Record(new EpochSummary(epoch, meanLoss, validated, trainSeconds));
            context.Report("bpr", epoch, _options.Epochs, detail);
        }

        context.TrainingLog?.Finish(bestEpoch > 0 ? bestEpoch : null, best is null ? null : bestMetric, stoppedEarly);

        if (best is { } kept) { SetFactors(users, items, kept.U, kept.V, kept.B, fitted); }
        lock (_samplerLock) { _foldInSampler = null; }
    }

    /// <summary>Fold-in by BPR SGD on the user's vector alone (item factors fixed), from zero, for
    /// <c>fold_in_epochs</c> passes over the given items; the random stream is derived from the items, so the same
    /// history always folds in to the same vector.</summary>
    public override float[] RecalculateUser(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        var k = Factors;
        var x = new float[k];
        var positives = Distinct(items, ItemCount);
        if (positives.Length == 0) { return x; }

        var random = SeededRandom.Derive(Hash(positives), 0xF01D);
        var sampler = FoldInSampler();
        var diff = new float[k];
        var keep = 1f - (_options.LearningRate * _options.UserReg);
        for (var step = 0; step < _options.FoldInEpochs * positives.Length; step++)
        {
            var i = positives[random.NextInt(positives.Length)];
            var j = Negative(positives, sampler, ref random);
            if (j < 0) { continue; }

            TensorPrimitives.Subtract(ItemMatrix.AsSpan(i * k, k), ItemMatrix.AsSpan(j * k, k), diff);
            var score = Bias(i) - Bias(j) + TensorPrimitives.Dot(x, diff);
            var g = 1f / (1f + MathF.Exp(score));
            TensorPrimitives.Multiply(x, keep, x);
            FactorKernels.Axpy(_options.LearningRate * g, diff, x);
        }

        return x;
    }

    /// <summary>Fold-in of an item by SGD on its vector and bias with user factors fixed. Only the triples where the item
    /// is the positive are available (the users who did not interact with it are unknown here), so this pulls the item
    /// toward its users against random fitted items as negatives.</summary>
    public override (float[] Factors, float Bias) RecalculateItem(ReadOnlySpan<int> users, ReadOnlySpan<float> values)
    {
        var k = Factors;
        var y = new float[k];
        var bias = 0f;
        var known = Distinct(users, UserCount);
        if (known.Length == 0 || ItemCount == 0) { return (y, bias); }

        var random = SeededRandom.Derive(Hash(known), 0x17E4);
        var keep = 1f - (_options.LearningRate * _options.ItemReg);
        for (var step = 0; step < _options.FoldInEpochs * known.Length; step++)
        {
            var x = UserMatrix.AsSpan(known[random.NextInt(known.Length)] * k, k);
            var j = random.NextInt(ItemCount);
            var score = bias - Bias(j) + TensorPrimitives.Dot(x, y) - TensorPrimitives.Dot(x, ItemMatrix.AsSpan(j * k, k));
            var g = 1f / (1f + MathF.Exp(score));
            TensorPrimitives.Multiply(y, keep, y);
            FactorKernels.Axpy(_options.LearningRate * g, x, y);
            if (_options.ItemBias) { bias += _options.LearningRate * (g - (_options.BiasReg * bias)); }
        }

        return (y, bias);
    }

    public override void Save(ArtifactWriter writer)
    {
        base.Save(writer);
        writer.Write("item_sampling_weights", _itemWeights);
    }

    public static BprMf Load(BprOptions options, ArtifactReader reader)
    {
        var model = new BprMf(options) { _itemWeights = reader.ReadDoubles("item_sampling_weights") };
        model.LoadFactors(reader);
        return model;
    }

    private float Bias(int item) => ItemBiasVector is { } b ? b[item] : 0f;

    /// <summary>Negative-sampling weights: popularity^β (distinct users) for popularity sampling, else all ones.</summary>
    private double[] ItemWeights(CsrMatrix itemUsers)
    {
        var weights = new double[itemUsers.Rows];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = _options.NegativeSampling == NegativeSampling.Popularity
                ? (itemUsers.RowLength(i) == 0 ? 0 : Math.Pow(itemUsers.RowLength(i), _options.PopularityExponent))
                : 1;
        }

        return weights;
    }

    private AliasTable FoldInSampler()
    {
        lock (_samplerLock)
        {
            return _foldInSampler ??= new AliasTable(_itemWeights.AsSpan(0, Math.Min(_itemWeights.Length, ItemCount)));
        }
    }

    private static int Negative(ReadOnlySpan<int> positives, AliasTable sampler, ref SeededRandom random)
    {
        for (var attempt = 0; attempt < 64 && !sampler.IsEmpty; attempt++)
        {
            var j = sampler.Sample(ref random);
            if (positives.BinarySearch(j) < 0) { return j; }
        }

        return -1;
    }

    private float[] Gaussian(int length, ref SeededRandom random)
    {
        var values = new float[length];
        for (var j = 0; j < length; j++) { values[j] = (float)(random.NextGaussian() * _options.InitScale); }
        return values;
    }

    private static int[] Distinct(ReadOnlySpan<int> ids, int count)
    {
        var kept = new SortedSet<int>();
        foreach (var id in ids)
        {
            if ((uint)id < (uint)count) { kept.Add(id); }
        }

        return [.. kept];
    }

    private static long Hash(ReadOnlySpan<int> ids)
    {
        var h = 1469598103934665603UL;
        foreach (var id in ids) { h = (h ^ (uint)id) * 1099511628211UL; }
        return (long)h;
    }
}
