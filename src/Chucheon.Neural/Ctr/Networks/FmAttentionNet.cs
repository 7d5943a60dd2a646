using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>fm-attention</c>: an FM (linear + pair-wise term) plus stacked <see cref="FmAttentionLayer"/>s whose
/// attention keys are the FM interaction vectors eᵢ ⊙ eⱼ, flattened into a logit; <c>use_mlp</c> adds an MLP.</summary>
public sealed class FmAttentionNet : CtrNetwork, IAttentionNetwork
{
    private readonly LinearTerm linear;
    private readonly FieldEmbedding embedding;
    private readonly AttentionStack attention;
    private readonly Linear output;
    private readonly Mlp? deep;

    public FmAttentionNet(CtrLayout layout, AttentionCtrOptions options) : base("fm_attention")
    {
        linear = new LinearTerm(layout);
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        attention = new AttentionStack(options.EmbeddingDim, options.AttentionLayers,
            (width, name) => new FmAttentionLayer(width, options.AttentionHeads, options.AttentionDim, name), "fm_attention");
        output = nn.Linear(layout.FieldCount * attention.OutputWidth, 1);
        if (options.UseMlp)
        {
            deep = new Mlp(layout.FieldCount * options.EmbeddingDim, options.MlpDims, options.Dropout, options.BatchNorm, logitOutput: true);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var first = linear.forward(indices, values);
        using var fields = embedding.forward(indices, values);
        using var second = FmInteraction.Scalar(fields);
        using var attended = attention.forward(fields);
        using var flat = Flatten(attended);
        using var attentionLogit = output.forward(flat);
        using var squeezed = attentionLogit.squeeze(-1);
        using var fm = first + second;
        var logit = fm + squeezed;
        if (deep is null) { return logit; }
        using (logit)
        {
            using var embeddingsFlat = Flatten(fields);
            using var deepLogit = deep.forward(embeddingsFlat);
            using var deepSqueezed = deepLogit.squeeze(-1);
            return logit + deepSqueezed;
        }
    }

    public override LinearTerm FirstOrder => linear;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);

    public IReadOnlyList<(string Layer, Tensor Weights)> AttentionMaps(Tensor indices, Tensor values)
    {
        using var fields = embedding.forward(indices, values);
        return attention.Maps(fields);
    }
}
