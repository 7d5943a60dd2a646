using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Sequential;

/// <summary>SASRec's encoder (causal) and BERT4Rec's (bidirectional): item + learned position embeddings, dropout,
/// a stack of <see cref="TransformerBlock"/>s and, for pre-norm blocks, a final layer norm (post-norm blocks
/// layer-norm the input embeddings instead; see <see cref="SelfAttentionStyle"/>).</summary>
/// <remarks>Kang &amp; McAuley, "Self-Attentive Sequential Recommendation", ICDM 2018; Sun et al., "BERT4Rec",
/// CIKM 2019. Positions are counted from the right end of the window (the newest item is always at position
/// max_length - 1), so a batch padded only to its longest sequence gives the same outputs as padding to max_length:
/// padding keys are masked out of attention.</remarks>
public sealed class SelfAttentionEncoder : SequenceEncoder
{
    private readonly Embedding items;
    private readonly ItemAttributeEmbedding? attributes;
    private readonly Embedding positions;
    private readonly ModuleList<TransformerBlock> blocks = new();
    private readonly LayerNorm finalNorm;
    private readonly SelfAttentionStyle _style;
    private readonly double _dropout;
    private readonly bool _causal;
    private readonly int _maxLength;

    public SelfAttentionEncoder(int itemCount, int dim, int maxLength, int blockCount, int heads, double dropout, bool causal,
        ItemAttributeEmbedding? attributes = null, SelfAttentionStyle? style = null)
        : base(nameof(SelfAttentionEncoder), itemCount, dim)
    {
        _dropout = dropout;
        _causal = causal;
        _maxLength = maxLength;
        _style = style ?? SelfAttentionStyle.Default;
        items = NewItemTable(TokenCount, dim);
        this.attributes = attributes;
        positions = nn.Embedding(maxLength, dim);
        using (no_grad()) { nn.init.normal_(positions.weight!, 0, 0.02); }
        for (var i = 0; i < blockCount; i++) { blocks.Add(new TransformerBlock(dim, heads, dropout, _style)); }
        // Pre-norm: normalises the last block's output. Post-norm: normalises the input embeddings (the blocks
        // already end in a layer norm).
        finalNorm = nn.LayerNorm(dim, eps: 1e-8);
        RegisterComponents();
        if (_style.InitStd > 0) { InitialiseLinearLayers(_style.InitStd); }
    }

    private void InitialiseLinearLayers(double std)
    {
        using var guard = no_grad();
        foreach (var (_, module) in named_modules())
        {
            if (module is not Linear linear) { continue; }
            nn.init.normal_(linear.weight!, 0, std);
            if (linear.bias is { } bias) { bias.zero_(); }
        }
    }

    public override Embedding ItemEmbedding => items;

    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var t = tokens.shape[1];
        if (t > _maxLength) { throw new ArgumentException($"sequence length {t} exceeds max_length {_maxLength}.", nameof(tokens)); }
        var positionIds = arange(_maxLength - t, _maxLength, dtype: ScalarType.Int64, device: tokens.device);
        var present = tokens.ne(0L).unsqueeze(-1);
        var post = _style.Norm == BlockNorm.Post;
        var x = (post ? items.forward(tokens) : items.forward(tokens) * Math.Sqrt(Dim)) + positions.forward(positionIds).unsqueeze(0);
        if (attributes is not null) { x += attributes.forward(tokens); }
        if (post) { x = finalNorm.forward(x); }
        x = F.dropout(x, _dropout, training) * present;
        var allowed = AttentionMask(tokens);
        foreach (var block in blocks)
        {
            x = block.forward(x, allowed) * present;
        }

        return (post ? x : finalNorm.forward(x)).MoveToOuterDisposeScope();
    }

    /// <summary>[B, 1, T, T]: a query may attend non-padding keys (and only earlier ones when causal). Each position
    /// may always attend itself, so padding rows are not all-masked (which would give NaN).</summary>
    private Tensor AttentionMask(Tensor tokens)
    {
        var t = tokens.shape[1];
        var keys = tokens.ne(0L).view(tokens.shape[0], 1, 1, t);
        var self = eye(t, dtype: ScalarType.Bool, device: tokens.device);
        var allowed = keys;
        if (_causal)
        {
            var lower = ones(t, t, dtype: ScalarType.Bool, device: tokens.device).tril();
            allowed = allowed.logical_and(lower);
        }

        return allowed.logical_or(self);
    }
}
