using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>autoint</c>: stacked multi-head self-attention over the field embeddings, flattened into one logit;
/// with <c>use_mlp</c> an MLP over the embeddings adds its logit (AutoInt+).</summary>
/// <remarks>Song et al., "AutoInt", CIKM 2019.</remarks>
public sealed class AutoIntNet : CtrNetwork, IAttentionNetwork
{
    private readonly FieldEmbedding embedding;
    private readonly AttentionStack attention;
    private readonly Linear output;
    private readonly Mlp? deep;

    public AutoIntNet(CtrLayout layout, AttentionCtrOptions options) : base("autoint")
    {
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        attention = new AttentionStack(options.EmbeddingDim, options.AttentionLayers,
            (width, name) => new InteractingLayer(width, options.AttentionHeads, options.AttentionDim, name), "interacting");
        output = nn.Linear(layout.FieldCount * attention.OutputWidth, 1);
        if (options.UseMlp)
        {
            deep = new Mlp(layout.FieldCount * options.EmbeddingDim, options.MlpDims, options.Dropout, options.BatchNorm, logitOutput: true);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var fields = embedding.forward(indices, values);
        using var attended = attention.forward(fields);
        using var flat = Flatten(attended);
        using var logit = output.forward(flat);
        if (deep is null) { return logit.squeeze(-1); }
        using var embeddingsFlat = Flatten(fields);
        using var deepLogit = deep.forward(embeddingsFlat);
        using var sum = logit + deepLogit;
        return sum.squeeze(-1);
    }

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);

    public IReadOnlyList<(string Layer, Tensor Weights)> AttentionMaps(Tensor indices, Tensor values)
    {
        using var fields = embedding.forward(indices, values);
        return attention.Maps(fields);
    }
}
