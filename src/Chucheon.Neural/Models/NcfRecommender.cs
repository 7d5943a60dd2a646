using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Models;
using Chucheon.Neural.Runtime;
using Chucheon.Neural.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Chucheon.Neural.Models;

public enum PairwiseLoss
{
    Bce,
    Bpr,
}

/// <summary>Options of <c>ncf</c>.</summary>
public sealed class NcfOptions : NeuralOptions
{
    public NcfOptions()
    {
        Epochs = 30;
        BatchSize = 2048;
        Patience = 5;
        EvalBatchSize = 128;
    }

    /// <summary>GMF embedding width (the paper's "predictive factors").</summary>
    public int GmfDim { get; set; } = 32;

    /// <summary>MLP tower widths; the first is the concatenated user+item embedding width.</summary>
    public int[] MlpDims { get; set; } = [64, 32, 16];

    public double Dropout { get; set; }

    public PairwiseLoss Loss { get; set; } = PairwiseLoss.Bce;

    /// <summary>Negatives drawn per positive interaction.</summary>
    public int NegativeSamples { get; set; } = 4;

    public NegativeSampling Sampler { get; set; } = NegativeSampling.Uniform;

    public double PopularityExponent { get; set; } = 0.75;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(GmfDim, 1, "gmf_dim");
        if (MlpDims.Length < 2) { throw new OptionsException("mlp_dims", "needs at least two widths (input and one layer)."); }
        if (MlpDims[0] % 2 != 0) { throw new OptionsException("mlp_dims", "the first width must be even (user and item halves)."); }
        foreach (var width in MlpDims) { OptionChecks.AtLeast(width, 1, "mlp_dims"); }
        OptionChecks.InRange(Dropout, 0, 0.99, "dropout");
        OptionChecks.AtLeast(NegativeSamples, 1, "negative_samples");
        OptionChecks.NonNegative(PopularityExponent, "popularity_exponent");
    }
}

/// <summary>Neural collaborative filtering (NeuMF) trained on sampled negatives with BCE (the paper's pointwise log
/// loss) or BPR.</summary>
/// <remarks>He, Liao, Zhang, Nie, Hu, Chua. "Neural Collaborative Filtering." WWW 2017. NCF learns one embedding per
/// training user, so it cannot encode a new user's history the way the autoencoders do. Fallback: users with no
/// training interactions (held out of training, or new) are scored with the mean embedding of the trained users,
/// which ranks items roughly by learned popularity; their scoring-time history is not used.</remarks>
public sealed class NcfRecommender(NcfOptions options) : TorchRecommender<NcfNet, NcfOptions>(options)
{
    public const string AliasName = "ncf";

    private bool[] _trained = [];

    public override string Alias => AliasName;

    public override void Fit(InteractionDataset train, FitContext context)
    {
        var options = Settings;
        var matrix = train.UserItems;
        ItemCount = train.ItemCount;
        _trained = Enumerable.Range(0, matrix.Rows).Select(u => matrix.RowLength(u) > 0).ToArray();
        var net = StartFit(context, () => new NcfNet(train.UserCount, ItemCount, options.GmfDim, options.MlpDims, options.Dropout));

        // Positive pairs in CSR order; each epoch shuffles them.
        var pairUsers = new int[matrix.NonZeros];
        for (var u = 0; u < matrix.Rows; u++)
        {
            pairUsers.AsSpan(matrix.RowPointers[u], matrix.RowLength(u)).Fill(u);
        }

        var pairItems = matrix.ColumnIndices;
        var sampler = NegativeSamplers.Create(options.Sampler, matrix, options.PopularityExponent);
        var k = options.NegativeSamples;
        using var trainer = new Trainer(options, context, Alias, Device);
        var optimizer = trainer.CreateOptimizer(net.parameters());
        trainer.Run(net, (epoch, rng) =>
        {
            double total = 0;
            var n = 0;
            foreach (var batch in Trainer.Batches(pairUsers.Length, options.BatchSize, rng))
            {
                var users = batch.Select(b => pairUsers[b]).ToArray();
                var items = batch.Select(b => pairItems[b]).ToArray();
                var negatives = new int[users.Length * k];
                sampler.Sample(users, items, k, rng, negatives);
                total += trainer.Step(optimizer, () => BatchLoss(net, users, items, negatives, k));
                n++;
            }

            return total / Math.Max(1, n);
        }, this);
        TrainingHistory = trainer.History;
        net.eval();
    }

    private Tensor BatchLoss(NcfNet net, int[] users, int[] items, int[] negatives, int k)
    {
        var b = users.Length;
        var u = tensor(users, device: Device);
        var positive = net.forward(u, tensor(items, device: Device));
        var repeatedUsers = u.repeat_interleave(k);
        var negative = net.forward(repeatedUsers, tensor(negatives, device: Device));
        if (Settings.Loss == PairwiseLoss.Bpr)
        {
            return Losses.Bpr(positive, negative.view(b, k));
        }

        var logits = cat([positive, negative]);
        var labels = cat([ones(b, device: Device), zeros(b * k, device: Device)]);
        return Losses.Bce(logits, labels);
    }

    public override void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var net = Network;
        var ids = users.ToArray();
        using var scope = NewDisposeScope();
        Tensor meanGmf, meanMlp;
        using (no_grad())
        {
            var trainedIds = Enumerable.Range(0, _trained.Length).Where(u => _trained[u]).ToArray();
            (meanGmf, meanMlp) = net.MeanUser(tensor(trainedIds, device: Device));
        }

        ScoreInBatches(ids.Length, ScoringUsersPerBatch(), scores, (start, count) =>
        {
            var batch = ids.AsSpan(start, count).ToArray();
            var known = batch.Select(u => (uint)u < (uint)_trained.Length && _trained[u]).ToArray();
            var (gmf, mlp) = net.UserEmbeddings(tensor(batch.Select((u, i) => known[i] ? u : 0).ToArray(), device: Device));
            if (known.Contains(false))
            {
                var mask = tensor(known, device: Device).unsqueeze(1);
                gmf = where(mask, gmf, meanGmf);
                mlp = where(mask, mlp, meanMlp);
            }

            return net.ScoreAll(gmf, mlp);
        });
    }

    /// <summary>Users per scoring batch so that the [users, items, tower width] activations stay near 24 MB: above
    /// glibc's largest mmap threshold (32 MB) every batch maps fresh pages, and the page faults cost more than the
    /// arithmetic (measured on ml-1m: all-user evaluation 11.9 s at 128 users per batch, 2.1–2.6 s at 32–64).</summary>
    private int ScoringUsersPerBatch()
    {
        const long activationBudget = 6_000_000;
        var widest = Settings.MlpDims.Skip(1).Max();
        var users = activationBudget / ((long)Math.Max(1, ItemCount) * widest);
        return (int)Math.Clamp(users, 1, Settings.EvalBatchSize);
    }

    private sealed record Shape(int Users, int Items);

    protected override void SaveState(ArtifactWriter writer)
    {
        writer.WriteJson("shape", new Shape(_trained.Length, ItemCount));
        writer.Write("trained_users", _trained.Select(t => t ? 1 : 0).ToArray());
    }

    public static NcfRecommender Load(NcfOptions options, ArtifactReader reader)
    {
        var shape = reader.ReadJson<Shape>("shape");
        var model = new NcfRecommender(options) { ItemCount = shape.Items };
        model._trained = reader.ReadInts("trained_users").Select(v => v != 0).ToArray();
        model.Restore(new NcfNet(shape.Users, shape.Items, options.GmfDim, options.MlpDims, options.Dropout), reader);
        return model;
    }
}
