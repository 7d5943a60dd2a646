namespace Chucheon.Neural.Continual;

/// <summary>How TERACON compares an earlier task's head outputs with its pseudo-labels (config key
/// <c>continual_model.teracon_retention</c>).</summary>
public enum TeraconRetention
{
    /// <summary>Mean squared error over every output, as in the paper.</summary>
    Mse,

    /// <summary>KL divergence between the softmax of the pseudo-labels and of the outputs at a temperature: a ranking
    /// head's top items carry the weight, and a shift of all logits costs nothing.</summary>
    Kl,
}
