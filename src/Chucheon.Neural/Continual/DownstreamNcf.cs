using Chucheon.Data.Continual;
using Chucheon.Neural.Models;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Continual;

/// <summary>HR@1/5/10 of an NCF recommender on one item task, for warm and cold users.</summary>
/// <param name="Representation">Where the user embeddings started: a method's representation or random.</param>
public sealed record DownstreamScores(string Representation, IReadOnlyList<double> WarmHit, IReadOnlyList<double> ColdHit, int WarmUsers, int ColdUsers);

/// <summary>The downstream check of a learned user representation: NeuMF (<see cref="NcfNet"/>) on an item task whose
/// GMF and MLP user embeddings start from the backbone's representation instead of random noise.</summary>
/// <remarks>Protocol: every user of the task trains on all of their labels except the task's test users, who each hold
/// out one label (seeded) and train on the rest; test users with fewer than 2 training items are <em>cold</em>. The
/// continual learners never saw the test users' labels, so the representation leaks nothing. Full ranking over the
/// task's labels with the user's training items excluded; BCE with 4 uniform negatives per positive.</remarks>
public static class DownstreamNcf
{
    public static IReadOnlyList<int> Cutoffs { get; } = [1, 5, 10];

    /// <summary>Cold: fewer than this many training items.</summary>
    public const int ColdBelow = 2;

    /// <param name="userInit">[stream users, D] representation, or null for NCF's usual random start.</param>
    public static DownstreamScores Run(string name, ContinualTask task, Tensor? userInit, int dim, int epochs, int seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!task.IsItemTask) { throw new ArgumentException($"Downstream NCF needs an item task; '{task.Name}' is {task.Kind}.", nameof(task)); }
        var rng = new Random(seed);
        var test = new HashSet<int>(task.UsersIn(TaskPart.Test));
        var heldOut = new Dictionary<int, int>();
        var train = new Dictionary<int, int[]>();
        foreach (var user in task.Labels.Users)
        {
            var labels = task.LabelsOf(user).ToArray();
            if (test.Contains(user))
            {
                var pick = rng.Next(labels.Length);
                heldOut[user] = labels[pick];
                labels = [.. labels.Where((_, i) => i != pick)];
            }

            train[user] = labels;
        }

        var userCount = userInit is null ? task.Labels.Users.Max() + 1 : (int)userInit.shape[0];
        random.manual_seed(seed);
        using var net = new NcfNet(userCount, task.LabelCount, dim, [2 * dim, dim, Math.Max(1, dim / 2)], dropout: 0);
        if (userInit is not null) { Initialise(net, userInit); }
        net.to(device);
        Fit(net, train, task.LabelCount, epochs, rng, device);
        return Evaluate(name, net, heldOut, train, task.LabelCount, device);
    }

    /// <summary>Standardised representation (per dimension) at NCF's initial scale, into both user tables.</summary>
    private static void Initialise(NcfNet net, Tensor userInit)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var standard = (userInit - userInit.mean([0], keepdim: true)) / userInit.std(0, keepdim: true).clamp_min(1e-6) * 0.1;
        foreach (var (name, parameter) in net.named_parameters())
        {
            if (name is not ("gmfUsers.weight" or "mlpUsers.weight")) { continue; }
            var width = (int)parameter.shape[1];
            if (standard.shape[1] < width)
            {
                throw new ArgumentException($"The representation has {standard.shape[1]} dimensions; NCF's {name} needs {width}.", nameof(userInit));
            }

            parameter.copy_(standard.narrow(1, 0, width));
        }
    }

    private static void Fit(NcfNet net, Dictionary<int, int[]> train, int items, int epochs, Random random, Device device)
    {
        var pairs = train.SelectMany(kv => kv.Value.Select(i => (User: kv.Key, Item: i))).ToArray();
        using var optimizer = optim.Adam(net.parameters(), 1e-3);
        const int negatives = 4, batchSize = 256;
        net.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(pairs);
            for (var start = 0; start < pairs.Length; start += batchSize)
            {
                var batch = pairs[start..Math.Min(pairs.Length, start + batchSize)];
                var users = new long[batch.Length * (1 + negatives)];
                var itemIds = new long[users.Length];
                var targets = new float[users.Length];
                for (var b = 0; b < batch.Length; b++)
                {
                    for (var n = 0; n <= negatives; n++)
                    {
                        var at = (b * (1 + negatives)) + n;
                        users[at] = batch[b].User;
                        itemIds[at] = n == 0 ? batch[b].Item : random.Next(items);
                        targets[at] = n == 0 ? 1 : 0;
                    }
                }

                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = net.forward(tensor(users, ScalarType.Int64, device), tensor(itemIds, ScalarType.Int64, device));
                var loss = F.binary_cross_entropy_with_logits(logits, tensor(targets, ScalarType.Float32, device));
                loss.backward();
                optimizer.step();
            }
        }

        net.eval();
    }

    private static DownstreamScores Evaluate(string name, NcfNet net, Dictionary<int, int> heldOut, Dictionary<int, int[]> train, int items, Device device)
    {
        var warm = new double[Cutoffs.Count];
        var cold = new double[Cutoffs.Count];
        int warmUsers = 0, coldUsers = 0;
        using var noGrad = no_grad();
        foreach (var (user, target) in heldOut.OrderBy(kv => kv.Key))
        {
            using var scope = NewDisposeScope();
            var (gmf, mlp) = net.UserEmbeddings(tensor(new long[] { user }, ScalarType.Int64, device));
            var scores = net.ScoreAll(gmf, mlp).to(CPU).data<float>().ToArray();
            var seen = train[user];
            foreach (var i in seen) { scores[i] = float.NegativeInfinity; }
            var targetScore = scores[target];
            var rank = 0;
            for (var i = 0; i < items; i++)
            {
                if (scores[i] > targetScore || (scores[i] == targetScore && i < target)) { rank++; }
            }

            var isCold = seen.Length < ColdBelow;
            var hits = isCold ? cold : warm;
            if (isCold) { coldUsers++; } else { warmUsers++; }
            for (var c = 0; c < Cutoffs.Count; c++) { hits[c] += rank < Cutoffs[c] ? 1 : 0; }
        }

        return new DownstreamScores(name, [.. warm.Select(h => warmUsers == 0 ? double.NaN : h / warmUsers)],
            [.. cold.Select(h => coldUsers == 0 ? double.NaN : h / coldUsers)], warmUsers, coldUsers);
    }
}
