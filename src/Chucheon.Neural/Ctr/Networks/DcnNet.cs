using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>dcn</c> and <c>dcnv2</c>: a cross network (DCN's rank-one or DCN-V2's full-matrix layers) and an MLP
/// in parallel over the concatenated embeddings; their outputs are concatenated into one logit layer.</summary>
/// <remarks>Wang et al., ADKDD 2017 (DCN) and WWW 2021 (DCN-V2, the "parallel" structure).</remarks>
public sealed class DcnNet : CtrNetwork
{
    private readonly FieldEmbedding embedding;
    private readonly nn.Module<Tensor, Tensor> cross;
    private readonly Mlp deep;
    private readonly Linear output;

    public DcnNet(CtrLayout layout, DcnOptions options, bool fullRankCross) : base(fullRankCross ? "dcnv2" : "dcn")
    {
        var width = layout.FieldCount * options.EmbeddingDim;
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        cross = fullRankCross ? new CrossNetworkV2(width, options.CrossLayers) : new CrossNetwork(width, options.CrossLayers);
        deep = new Mlp(width, options.MlpDims, options.Dropout, options.BatchNorm, logitOutput: false);
        output = nn.Linear(width + deep.OutputWidth, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var fields = embedding.forward(indices, values);
        using var flat = Flatten(fields);
        using var crossed = cross.forward(flat);
        using var hidden = deep.forward(flat);
        using var both = cat([crossed, hidden], 1);
        using var logit = output.forward(both);
        return logit.squeeze(-1);
    }

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);
}
