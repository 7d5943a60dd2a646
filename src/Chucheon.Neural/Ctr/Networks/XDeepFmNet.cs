using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Layers;
using Chucheon.Neural.Ctr.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Networks;

/// <summary><c>xdeepfm</c>: linear term + CIN (explicit vector-wise interactions) + MLP (implicit), logits summed.</summary>
/// <remarks>Lian et al., "xDeepFM", KDD 2018.</remarks>
public sealed class XDeepFmNet : CtrNetwork
{
    private readonly LinearTerm linear;
    private readonly FieldEmbedding embedding;
    private readonly CompressedInteraction cin;
    private readonly Linear cinOutput;
    private readonly Mlp deep;

    public XDeepFmNet(CtrLayout layout, XDeepFmOptions options) : base("xdeepfm")
    {
        linear = new LinearTerm(layout);
        embedding = new FieldEmbedding(layout, options.EmbeddingDim, options.EmbeddingInitStd);
        cin = new CompressedInteraction(layout.FieldCount, options.CinDims);
        cinOutput = nn.Linear(cin.OutputWidth, 1);
        deep = new Mlp(layout.FieldCount * options.EmbeddingDim, options.MlpDims, options.Dropout, options.BatchNorm, logitOutput: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor indices, Tensor values)
    {
        using var first = linear.forward(indices, values);
        using var fields = embedding.forward(indices, values);
        using var maps = cin.forward(fields);
        using var cinLogit = cinOutput.forward(maps);
        using var flat = Flatten(fields);
        using var deepLogit = deep.forward(flat);
        using var sum = cinLogit + deepLogit;
        using var squeezed = sum.squeeze(-1);
        return first + squeezed;
    }

    public override LinearTerm FirstOrder => linear;

    public override Tensor EmbeddingPenalty(Tensor indices, EmbeddingRegularization mode) => embedding.Penalty(indices, mode);
}
