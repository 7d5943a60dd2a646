using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Models;
using Chucheon.Neural.Models;
using Chucheon.Neural.Training;
using static TorchSharp.torch;

namespace Chucheon.Neural.Sequential;

/// <summary>Next-item recommendation from a user's ordered history, for every sequential alias: the options type picks
/// the encoder (<see cref="SasRecOptions"/> → causal self-attention, <see cref="Bert4RecOptions"/> → bidirectional
/// self-attention with the cloze objective, <see cref="Gru4RecOptions"/> → GRU, <see cref="NextItNetOptions"/> →
/// dilated convolutions), and <see cref="SequentialOptions.Augmentations"/> adds a contrastive term to any of them.</summary>
/// <remarks>
/// Training: one sample per user with at least two training items; the input is the history without its last item
/// and the target at every position is the next item (SASRec's shifted targets, so every prefix is trained on in one
/// pass). BERT4Rec instead masks random positions of the whole history and predicts them.
/// Scoring reads the last <c>max_length</c> items of the ordered history and scores the representation of the
/// newest position against the shared item table; augmentations exist only in training, so contrastive variants
/// cost the same at inference.
/// </remarks>
public sealed class SequentialRecommender(string alias, SequentialOptions options)
    : TorchRecommender<SequenceEncoder, SequentialOptions>(options), ISequenceScorer
{
    /// <summary>Each user's last max_length training items: what <see cref="Score"/> uses when no ordered history
    /// is given, saved with the model so a service can recommend without the dataset.</summary>
    private int[][] _sequences = [];

    public override string Alias => alias;

    private bool Cloze => Settings is Bert4RecOptions;

    /// <summary>Shape of the item attribute table (null without item features); the table itself is a weight.</summary>
    private AttributeShape? _attributeShape;

    private long[]? _attributeTable;

    private ItemAttributeEmbedding? Attributes(int items) => _attributeShape is { } a
        ? new ItemAttributeEmbedding(items + 2, a.Width, a.Vocabulary, Settings.HiddenDim, _attributeTable)
        : null;

    private SequenceEncoder Build(int items) => Settings switch
    {
        SasRecOptions s => new SelfAttentionEncoder(items, s.HiddenDim, s.MaxLength, s.Blocks, s.Heads, s.Dropout, causal: true, Attributes(items), s.Style),
        Bert4RecOptions b => new SelfAttentionEncoder(items, b.HiddenDim, b.MaxLength, b.Blocks, b.Heads, b.Dropout, causal: false),
        Gru4RecOptions g => new GruEncoder(items, g.HiddenDim, g.Layers, g.Dropout, Attributes(items)),
        NextItNetOptions n => new DilatedConvolutionEncoder(items, n.HiddenDim, n.Dilations, n.KernelSize, n.Dropout),
        _ => throw new InvalidOperationException($"{alias}: no encoder for {Settings.GetType().Name}."),
    };

    public override void Fit(InteractionDataset train, FitContext context)
    {
        ItemCount = train.ItemCount;
        var sequences = train.UserSequences();
        _sequences = sequences.Select(s => s.Length <= Settings.MaxLength ? s : s[^Settings.MaxLength..]).ToArray();
        if (Settings.ItemFeatures.Length > 0)
        {
            var (table, width, vocabulary) = ItemAttributeEmbedding.BuildTable(train.ItemFeatures, Settings.ItemFeatures, ItemCount);
            (_attributeShape, _attributeTable) = (new AttributeShape(width, vocabulary), table);
        }

        var encoder = StartFit(context, () => Build(ItemCount));
        _attributeTable = null;
        var known = sequences.Select(s => s.Distinct().Order().ToArray()).ToArray();
        var minimum = Cloze ? 1 : 2;
        var trainable = Enumerable.Range(0, sequences.Length).Where(u => sequences[u].Length >= minimum).ToArray();
        using var objective = new NextItemObjective(encoder, Settings, known, Device, UniformDivisor(trainable, sequences));
        var contrastive = Settings.Augmentations.Length == 0
            ? null
            : new ContrastiveObjective(encoder, Settings,
                NeedsCorrelation() ? ItemCorrelation.FromSequences(sequences, ItemCount, Settings.CorrelationWindow) : null,
                Settings.Augmentations.Contains(Augmentation.SameTarget) ? SameTargetPositives.FromSequences(sequences, ItemCount) : null, Device);
        using var trainer = new Trainer(Settings, context, Alias, Device);
        var optimizer = trainer.CreateOptimizer(encoder.parameters());
        trainer.Run(encoder, (epoch, rng) =>
        {
            double total = 0;
            var steps = 0;
            foreach (var batch in LengthBuckets.Batches(trainable, sequences, Settings.BatchSize, Settings.BucketByLength, rng))
            {
                var rows = batch.Select(u => sequences[u]).ToArray();
                total += trainer.Step(optimizer, () =>
                {
                    Tensor? original = null;
                    var loss = Cloze ? objective.ClozeLoss(batch, rows, rng)
                        : Settings.OriginalView ? objective.ShiftedLoss(batch, rows, rng, out original)
                        : objective.ShiftedLoss(batch, rows, rng);
                    if (contrastive is null) { return loss; }
                    // The views are built from what the model reads at scoring time: the input without the target.
                    var inputs = Cloze ? rows : rows.Select(s => s[..^1]).ToArray();
                    var targets = Cloze ? null : rows.Select(s => s[^1]).ToArray();
                    return loss + (contrastive.Loss(inputs, rng, original, targets) * Settings.ContrastiveWeight);
                });
                steps++;
            }

            return total / Math.Max(1, steps);
        }, this);
        TrainingHistory = trainer.History;
        encoder.eval();
    }

    /// <summary>The constant loss divisor of <see cref="LossNormalization.Uniform"/>; null (divide by each batch's own
    /// positions) otherwise or when no user can be trained on.</summary>
    private double? UniformDivisor(int[] trainable, int[][] sequences) =>
        Settings.LossNormalization != LossNormalization.Uniform || trainable.Length == 0 ? null
        : Settings is Bert4RecOptions bert
            ? UniformLossNormalizer.ClozePositionsPerBatch(trainable, sequences, Settings.BatchSize, Settings.MaxLength, bert.MaskProbability)
            : UniformLossNormalizer.ShiftedPositionsPerBatch(trainable, sequences, Settings.BatchSize, Settings.MaxLength);

    private bool NeedsCorrelation() =>
        Settings.Augmentations.Contains(Augmentation.Substitute) || Settings.Augmentations.Contains(Augmentation.Insert);

    public void ScoreSequences(ReadOnlySpan<int> users, IReadOnlyList<int[]> sequences, Span<float> scores)
    {
        var rows = new int[users.Length][];
        for (var i = 0; i < users.Length; i++) { rows[i] = (uint)users[i] < (uint)sequences.Count ? sequences[users[i]] : []; }
        ScoreRows(rows, scores);
    }

    /// <summary>Scores from the training sequences kept at fit time (the history matrix has no order); users unknown
    /// to the model are read from their history row in item-id order, the only order the matrix has.</summary>
    public override void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores)
    {
        var rows = new int[users.Length][];
        for (var i = 0; i < users.Length; i++)
        {
            var u = users[i];
            rows[i] = (uint)u < (uint)_sequences.Length ? _sequences[u]
                : (uint)u < (uint)history.Rows ? history.RowIndices(u).ToArray() : [];
        }

        ScoreRows(rows, scores);
    }

    private void ScoreRows(int[][] rows, Span<float> scores)
    {
        var encoder = Network;
        ScoreInBatches(rows.Length, scores, (start, count) =>
        {
            var batch = rows.AsSpan(start, count).ToArray();
            // BERT4Rec predicts a mask token appended after the history.
            var inputs = Cloze ? batch.Select(s => (int[])[.. s, SequenceAugmenter.Masked]).ToArray() : batch;
            var width = encoder.WidthFor(inputs, Settings.MaxLength);
            using var tokens = tensor(TokenWindows.RightAligned(inputs, width, ItemCount), [count, width], device: Device);
            using var hidden = encoder.forward(tokens);
            using var last = hidden.select(1, width - 1);
            return encoder.ScoreAll(last);
        });
    }

    private sealed record Shape(int Items, AttributeShape? Attributes = null);

    private sealed record AttributeShape(int Width, int Vocabulary);

    protected override void SaveState(ArtifactWriter writer)
    {
        writer.WriteJson("shape", new Shape(ItemCount, _attributeShape));
        writer.Write("sequence_offsets", SequenceOffsets(_sequences));
        writer.Write("sequence_items", _sequences.SelectMany(s => s).ToArray());
    }

    private static int[] SequenceOffsets(int[][] sequences)
    {
        var offsets = new int[sequences.Length + 1];
        for (var u = 0; u < sequences.Length; u++) { offsets[u + 1] = offsets[u] + sequences[u].Length; }
        return offsets;
    }

    public static SequentialRecommender Load(string alias, SequentialOptions options, ArtifactReader reader)
    {
        var shape = reader.ReadJson<Shape>("shape");
        var model = new SequentialRecommender(alias, options) { ItemCount = shape.Items, _attributeShape = shape.Attributes };
        var offsets = reader.ReadInts("sequence_offsets");
        var items = reader.ReadInts("sequence_items");
        model._sequences = Enumerable.Range(0, offsets.Length - 1).Select(u => items[offsets[u]..offsets[u + 1]]).ToArray();
        model.Restore(model.Build(shape.Items), reader);
        return model;
    }
}
