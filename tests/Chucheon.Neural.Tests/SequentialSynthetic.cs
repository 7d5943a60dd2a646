using Chucheon.Data;
using Chucheon.Neural.Sequential;

namespace Chucheon.Neural.Tests;

/// <summary>Users walk the catalog in steps of one: item i is always followed by item i + 1 (mod the catalog size).
/// A sequential model that learned the pattern puts (last + 1) first; random ranking puts it first for about one
/// user in 20.</summary>
internal sealed class SequentialSynthetic
{
    public SequentialSynthetic(int users = 120, int items = 30, int seed = 11)
    {
        var rng = new Random(seed);
        var userColumn = new List<int>();
        var itemColumn = new List<int>();
        Sequences = new int[users][];
        for (var u = 0; u < users; u++)
        {
            var start = rng.Next(items);
            var length = 5 + rng.Next(6);
            Sequences[u] = Enumerable.Range(0, length).Select(j => (start + j) % items).ToArray();
            foreach (var item in Sequences[u])
            {
                userColumn.Add(u);
                itemColumn.Add(item);
            }
        }

        Train = new InteractionDataset("walks",
            new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")),
            new InteractionLog([.. userColumn], [.. itemColumn]));
    }

    public InteractionDataset Train { get; }

    public int[][] Sequences { get; }

    /// <summary>Fraction of users whose top item (among items not in their history) is the next step of the walk.</summary>
    public double NextItemHitAt1(SequentialRecommender model)
    {
        var users = Enumerable.Range(0, Sequences.Length).ToArray();
        var items = model.ItemCount;
        var scores = new float[users.Length * items];
        model.ScoreSequences(users, Sequences, scores);
        var hits = 0;
        foreach (var u in users)
        {
            var row = scores.AsSpan(u * items, items);
            var best = -1;
            for (var i = 0; i < items; i++)
            {
                if (Sequences[u].Contains(i)) { continue; }
                if (best < 0 || row[i] > row[best]) { best = i; }
            }

            if (best == (Sequences[u][^1] + 1) % items) { hits++; }
        }

        return (double)hits / users.Length;
    }

    /// <summary>Small, fast configurations of every sequential alias.</summary>
    public static SequentialRecommender Small(string alias, int epochs = 30)
    {
        SequentialOptions options = alias switch
        {
            "sasrec" => new SasRecOptions(),
            "cl4srec" => new Cl4SRecOptions(),
            "coserec" => new CoSeRecOptions(),
            "hierarchical-cl" => new HierarchicalClOptions(),
            "gru4rec" => new Gru4RecOptions(),
            "bert4rec" => new Bert4RecOptions(),
            "nextitnet" => new NextItNetOptions { Dilations = [1, 2] },
            "sasrec-ce" => new SasRecOptions { Loss = SequenceLoss.Ce },
            "cl4srec-original" => new Cl4SRecOptions { OriginalView = true },
            "sasrec-reference" => new SasRecOptions
            {
                BlockNorm = BlockNorm.Post, FeedForwardMultiplier = 4, Activation = FeedForwardActivation.Gelu, InitStd = 0.02, Heads = 2,
            },
            "cl4srec-flatten" => new Cl4SRecOptions { ContrastiveRepresentation = ContrastiveRepresentation.Flatten, OriginalView = true },
            "cl4srec-mean" => new Cl4SRecOptions { ContrastiveRepresentation = ContrastiveRepresentation.Mean },
            "sasrec-uniform" => new SasRecOptions { LossNormalization = LossNormalization.Uniform },
            "bert4rec-uniform" => new Bert4RecOptions { LossNormalization = LossNormalization.Uniform },
            "cl4srec-padmask" => new Cl4SRecOptions { MaskAsPadding = true, MaskRatio = 0.7, OriginalView = true },
            "sasrec-sametarget" => new SasRecOptions
            {
                Augmentations = [Augmentation.SameTarget], OriginalView = true, ContrastiveRepresentation = ContrastiveRepresentation.Last,
            },
            "hierarchical-cl-original" => new HierarchicalClOptions { OriginalView = true },
            "hierarchical-cl-split" => new HierarchicalClOptions { SplitLevels = true, OriginalView = true },
            _ => throw new ArgumentOutOfRangeException(nameof(alias)),
        };
        options.HiddenDim = 16;
        options.MaxLength = 12;
        options.Dropout = 0.1;
        options.Epochs = epochs;
        options.BatchSize = 32;
        options.LearningRate = 1e-2;
        options.Threads = 2;
        // A test variant is its model's alias plus one suffix naming the option it sets.
        var cut = alias.LastIndexOf('-');
        var variant = cut > 0 && alias[(cut + 1)..] is "ce" or "original" or "reference" or "flatten" or "mean" or "uniform" or "padmask" or "sametarget" or "split";
        return new SequentialRecommender(variant ? alias[..cut] : alias, options);
    }
}
