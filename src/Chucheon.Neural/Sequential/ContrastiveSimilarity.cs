namespace Chucheon.Neural.Sequential;

/// <summary>How InfoNCE compares two view representations.</summary>
public enum ContrastiveSimilarity
{
    /// <summary>Cosine similarity: both vectors are L2-normalised first, so every logit lies in [-1/τ, 1/τ]. This is
    /// what the public CoSeRec code (which also produced the published CL4SRec numbers) does with its flattened
    /// sequence outputs; the contrastive gradient then stays small next to the next-item loss.</summary>
    Cosine,

    /// <summary>Raw dot product. With layer-normed 64-wide states the logits reach tens (last, mean) to thousands
    /// (flatten), so at τ = 1 the InfoNCE term dominates the gradient and slows next-item learning several-fold on
    /// Beauty (benchmarks, session 4).</summary>
    Dot,
}
