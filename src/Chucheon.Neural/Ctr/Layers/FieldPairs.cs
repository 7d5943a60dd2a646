using static TorchSharp.torch;

namespace Chucheon.Neural.Ctr.Layers;

/// <summary>The F(F−1)/2 unordered field pairs (i &lt; j) in row-major order, as index arrays for gathering pair-wise
/// terms; FFM, FwFM, AFM and the attention dump all enumerate pairs the same way.</summary>
public sealed class FieldPairs
{
    public FieldPairs(int fields)
    {
        var left = new List<long>();
        var right = new List<long>();
        for (var i = 0; i < fields; i++)
        {
            for (var j = i + 1; j < fields; j++)
            {
                left.Add(i);
                right.Add(j);
            }
        }

        Left = [.. left];
        Right = [.. right];
    }

    public long[] Left { get; }

    public long[] Right { get; }

    public int Count => Left.Length;

    /// <summary>[B, F, D] → ([B, P, D] left members, [B, P, D] right members).</summary>
    public (Tensor Left, Tensor Right) Gather(Tensor fields)
    {
        using var left = tensor(Left, device: fields.device);
        using var right = tensor(Right, device: fields.device);
        return (fields.index_select(1, left), fields.index_select(1, right));
    }
}
