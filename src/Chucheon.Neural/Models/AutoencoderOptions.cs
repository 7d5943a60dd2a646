using Chucheon.Configuration;
using Chucheon.Neural.Training;

namespace Chucheon.Neural.Models;

/// <summary>Options shared by the autoencoder family (<c>multidae</c>, <c>multivae</c>, <c>ae</c>, <c>dae</c>,
/// <c>vae</c>); each alias has its own subclass with the defaults of its paper.</summary>
public abstract class AutoencoderOptions : NeuralOptions
{
    protected AutoencoderOptions()
    {
        Epochs = 200;
        BatchSize = 500;
        Patience = 20;
    }

    /// <summary>Encoder hidden layer widths (the decoder mirrors them).</summary>
    public int[] HiddenDims { get; set; } = [600];

    public int LatentDim { get; set; } = 200;

    /// <summary>Input dropout rate: the denoising corruption (0 for a plain autoencoder).</summary>
    public double Dropout { get; set; } = 0.5;

    public override void Validate()
    {
        base.Validate();
        foreach (var width in HiddenDims) { OptionChecks.AtLeast(width, 1, "hidden_dims"); }
        OptionChecks.AtLeast(LatentDim, 1, "latent_dim");
        OptionChecks.InRange(Dropout, 0, 0.99, "dropout");
    }
}

/// <summary>Adds the KL weight β of the variational models: fixed, or annealed linearly from 0 to
/// <see cref="AnnealCap"/> over <see cref="TotalAnnealSteps"/> updates (Liang et al. 2018, §2.2.2).</summary>
public abstract class VariationalOptions : AutoencoderOptions
{
    /// <summary>A fixed KL weight; when set, annealing is off.</summary>
    public double? Beta { get; set; }

    public int TotalAnnealSteps { get; set; } = 200_000;

    public double AnnealCap { get; set; } = 0.2;

    /// <summary>β after <paramref name="updates"/> optimiser steps.</summary>
    public double BetaAt(long updates) =>
        Beta ?? (TotalAnnealSteps > 0 ? Math.Min(AnnealCap, (double)updates / TotalAnnealSteps) : AnnealCap);

    public override void Validate()
    {
        base.Validate();
        if (Beta is { } beta) { OptionChecks.NonNegative(beta, "beta"); }
        OptionChecks.AtLeast(TotalAnnealSteps, 0, "total_anneal_steps");
        OptionChecks.NonNegative(AnnealCap, "anneal_cap");
    }
}

/// <summary>Options of <c>multidae</c>.</summary>
public sealed class MultiDaeOptions : AutoencoderOptions
{
    public MultiDaeOptions()
    {
        // Liang et al.'s Multi-DAE is I → 200 → I (no hidden layer), trained with L2 regularisation.
        HiddenDims = [];
        WeightDecay = 0.0;
    }
}

/// <summary>Options of <c>multivae</c>.</summary>
public sealed class MultiVaeOptions : VariationalOptions
{
}

/// <summary>Options of <c>ae</c>: no input corruption.</summary>
public sealed class AeOptions : AutoencoderOptions
{
    public AeOptions() => Dropout = 0;
}

/// <summary>Options of <c>dae</c>.</summary>
public sealed class DaeOptions : AutoencoderOptions
{
}

/// <summary>Options of <c>vae</c>.</summary>
public sealed class VaeOptions : VariationalOptions
{
    public VaeOptions() => Dropout = 0;
}
