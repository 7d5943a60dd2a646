using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>masknet</c>: MaskBlocks in series (each masks the previous block's output, guided by the embeddings)
/// or in parallel (each masks the embeddings; outputs concatenated), then an MLP to one logit.</summary>
/// <remarks>Wang, She, Zhang, "MaskNet", DLP-KDD 2021.</remarks>
public sealed class MaskNetNet : CtrNetwork
{
    private readonly FieldEmbedding embedding;
    private readonly ModuleList<MaskBlock> blocks = new();
    private readonly Mlp head;
    private readonly bool _parallel;

    public MaskNetNet(CtrLayout layout, MaskNetOptions options) : base("masknet")
    {
        _parallel = options.Parallel;
        long width = layout.FieldCount * options.EmbeddingDim;
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        var input = width;
        for (var b = 0; b < options.Blocks; b++)
        {
            blocks.Add(new MaskBlock(width, input, options.MaskReduction, options.BlockDim, $"mask_block_{b}"));
            if (!_parallel) { input = options.BlockDim; }
        }

        var headInput = _parallel ? (long)options.Blocks * options.BlockDim : options.BlockDim;
        head = new Mlp(headInput, options.MlpDims, options.Dropout, options.BatchNorm, logitOutput: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var fields = embedding.forward(indices, values);
        using var flat = Flatten(fields);
        Tensor hidden;
        if (_parallel)
        {
            var outputs = blocks.Select(b => b.forward(flat, flat)).ToList();
            hidden = cat(outputs, 1);
            foreach (var o in outputs) { o.Dispose(); }
        }
        else
        {
            hidden = flat.alias();
            foreach (var block in blocks)
            {
                using var previous = hidden;
                hidden = block.forward(flat, previous);
            }
        }

        using (hidden)
        {
            using var logit = head.forward(hidden);
            return logit.squeeze(-1);
        }
    }

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);
}
