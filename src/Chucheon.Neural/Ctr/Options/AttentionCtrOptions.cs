using Chucheon.Configuration;

namespace Chucheon.Neural.Ctr.Options;

/// <summary>Options of the self-attention models <c>autoint</c> and <c>fm-attention</c>. With <c>use_mlp</c> the
/// model adds a parallel MLP over the flattened embeddings (AutoInt+).</summary>
public sealed class AttentionCtrOptions : DeepCtrOptions
{
    public AttentionCtrOptions() => MlpDims = [400, 400];

    public int AttentionLayers { get; set; } = 2;

    public int AttentionHeads { get; set; } = 2;

    /// <summary>Width of each attention head.</summary>
    public int AttentionDim { get; set; } = 16;

    /// <summary>AutoInt+: add an MLP tower (<c>mlp_dims</c>, <c>dropout</c>, <c>batch_norm</c>) in parallel.</summary>
    public bool UseMlp { get; set; }

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast(AttentionLayers, 1, "attention_layers");
        OptionChecks.AtLeast(AttentionHeads, 1, "attention_heads");
        OptionChecks.AtLeast(AttentionDim, 1, "attention_dim");
        if (UseMlp && MlpDims.Length == 0) { throw new OptionsException("mlp_dims", "use_mlp needs at least one hidden width."); }
    }
}
