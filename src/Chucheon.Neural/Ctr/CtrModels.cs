using Chucheon.Configuration;
using Chucheon.Data.Ctr;
using Chucheon.Neural.Ctr.Networks;
using Chucheon.Neural.Ctr.Options;

namespace Chucheon.Neural.Ctr;

/// <summary>One CTR model alias: its typed options and how to build its network for a data layout.</summary>
public sealed record CtrModelRegistration(string Alias, Type OptionsType, string Description, Func<CtrLayout, CtrOptions, CtrNetwork> Build);

/// <summary>The CTR model aliases. Separate from <see cref="Models.ModelRegistry"/> because CTR models fit labelled
/// feature rows (<see cref="CtrDataset"/>), not a user × item interaction matrix.</summary>
public static class CtrModels
{
    private static readonly Dictionary<string, CtrModelRegistration> Entries = new List<CtrModelRegistration>
    {
        Entry<CtrOptions>("lr", "Logistic regression on one-hot features", (l, o) => new LogisticRegressionNet(l)),
        Entry<CtrOptions>("fm", "Factorization machine (Rendle 2010)", (l, o) => new FmNet(l, o)),
        Entry<CtrOptions>("ffm", "Field-aware factorization machine (Juan et al. 2016)", (l, o) => new FfmNet(l, o)),
        Entry<CtrOptions>("fwfm", "Field-weighted factorization machine (Pan et al. 2018)", (l, o) => new FwFmNet(l, o)),
        Entry<AfmOptions>("afm", "Attentional factorization machine (Xiao et al. 2017)", (l, o) => new AfmNet(l, o)),
        Entry<DeepCtrOptions>("widedeep", "Wide & Deep (Cheng et al. 2016)", (l, o) => new WideDeepNet(l, o)),
        Entry<DeepCtrOptions>("deepfm", "DeepFM (Guo et al. 2017)", (l, o) => new DeepFmNet(l, o)),
        Entry<DcnOptions>("dcn", "Deep & Cross Network (Wang et al. 2017)", (l, o) => new DcnNet(l, o, fullRankCross: false)),
        Entry<DcnOptions>("dcnv2", "DCN-V2, parallel structure (Wang et al. 2021)", (l, o) => new DcnNet(l, o, fullRankCross: true)),
        Entry<XDeepFmOptions>("xdeepfm", "xDeepFM with CIN (Lian et al. 2018)", (l, o) => new XDeepFmNet(l, o)),
        Entry<AttentionCtrOptions>("autoint", "AutoInt; use_mlp: AutoInt+ (Song et al. 2019)", (l, o) => new AutoIntNet(l, o)),
        Entry<FiBiNetOptions>("fibinet", "FiBiNET: SENET + bilinear interaction (Huang et al. 2019)", (l, o) => new FiBiNetNet(l, o)),
        Entry<MaskNetOptions>("masknet", "MaskNet: instance-guided masks (Wang et al. 2021)", (l, o) => new MaskNetNet(l, o)),
        Entry<AttentionCtrOptions>("fm-attention", "Self-attention over fields keyed by FM interaction vectors (Chucheon)", (l, o) => new FmAttentionNet(l, o)),
    }.ToDictionary(r => r.Alias, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<CtrModelRegistration> All => Entries.Values;

    public static CtrModelRegistration Get(string alias) =>
        Entries.TryGetValue(alias, out var r)
            ? r
            : throw new OptionsException("model.name", $"unknown CTR model '{alias}'. Known: {string.Join(", ", Entries.Keys)}.");

    /// <summary>Binds raw hyperparameters (unknown keys rejected, values validated) and creates the untrained model.</summary>
    public static CtrModel Create(string alias, IReadOnlyDictionary<string, object?> hyperparameters)
    {
        var registration = Get(alias);
        var options = (CtrOptions)OptionsBinder.Bind(registration.OptionsType, hyperparameters, "model");
        return new CtrModel(registration.Alias, options);
    }

    private static CtrModelRegistration Entry<TOptions>(string alias, string description, Func<CtrLayout, TOptions, CtrNetwork> build)
        where TOptions : CtrOptions, new() =>
        new(alias, typeof(TOptions), description, (layout, options) => build(layout, (TOptions)options));
}
