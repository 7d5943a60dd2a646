using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Chucheon.Models.Bpr;

/// <summary>The BPR stochastic-gradient step on one (user, positive, negative) triple, fused into one pass over k.</summary>
public static class BprSgd
{
    /// <summary>Ascends ln σ(x̂_uij) with x̂_uij = x_u·(y_i − y_j) + b_i − b_j, each parameter also decayed by its L2
    /// weight (Rendle et al. 2009, fig. 4). All three rows are updated from the old user row. Returns σ(−x̂), the step's
    /// gradient scale, whose −ln(1 − ·) is the sample's loss.</summary>
    public static float Step(Span<float> user, Span<float> positive, Span<float> negative, ref float positiveBias,
        ref float negativeBias, float learningRate, float userReg, float itemReg, float biasReg)
    {
        var x = positiveBias - negativeBias + TensorPrimitives.Dot(user, positive) - TensorPrimitives.Dot(user, negative);
        var g = 1f / (1f + MathF.Exp(x));
        var step = learningRate * g;
        var userKeep = 1f - (learningRate * userReg);
        var itemKeep = 1f - (learningRate * itemReg);

        var u = MemoryMarshal.Cast<float, Vector<float>>(user);
        var p = MemoryMarshal.Cast<float, Vector<float>>(positive);
        var n = MemoryMarshal.Cast<float, Vector<float>>(negative);
        for (var v = 0; v < u.Length; v++)
        {
            var u0 = u[v];
            var p0 = p[v];
            var n0 = n[v];
            u[v] = (u0 * userKeep) + ((p0 - n0) * step);
            p[v] = (p0 * itemKeep) + (u0 * step);
            n[v] = (n0 * itemKeep) - (u0 * step);
        }

        for (var f = u.Length * Vector<float>.Count; f < user.Length; f++)
        {
            var u0 = user[f];
            var p0 = positive[f];
            var n0 = negative[f];
            user[f] = (u0 * userKeep) + ((p0 - n0) * step);
            positive[f] = (p0 * itemKeep) + (u0 * step);
            negative[f] = (n0 * itemKeep) - (u0 * step);
        }

        positiveBias += learningRate * (g - (biasReg * positiveBias));
        negativeBias += learningRate * (-g - (biasReg * negativeBias));
        return g;
    }
}
