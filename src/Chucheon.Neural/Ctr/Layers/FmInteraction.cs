using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>The factorization machine's second-order term Σ_{i&lt;j} ⟨eᵢ, eⱼ⟩ over field embeddings [B, F, D], in
/// Rendle's O(F·D) form ½ Σ_d ((Σᵢ eᵢ,d)² − Σᵢ eᵢ,d²).</summary>
/// <remarks>Rendle, "Factorization Machines", ICDM 2010, lemma 3.1.</remarks>
public static class FmInteraction
{
    /// <summary>The per-dimension vector ½((Σᵢ eᵢ)² − Σᵢ eᵢ²): [B, F, D] → [B, D] (NFM's bi-interaction pooling).</summary>
    public static Tensor Vector(Tensor fields)
    {
        using var sum = fields.sum(1);
        using var squareOfSum = sum.square();
        using var squares = fields.square();
        using var sumOfSquares = squares.sum(1);
        using var difference = squareOfSum - sumOfSquares;
        return difference * 0.5;
    }

    /// <summary>The scalar term: [B, F, D] → [B].</summary>
    public static Tensor Scalar(Tensor fields)
    {
        using var vector = Vector(fields);
        return vector.sum(1);
    }
}
