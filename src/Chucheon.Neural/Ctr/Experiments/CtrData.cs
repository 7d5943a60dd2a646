using Chucheon.Configuration;
using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Data.Readers;

namespace Chucheon.Neural.Ctr.Experiments;

/// <summary>A prepared CTR experiment: the fitted encoder and the encoded train / validation / test parts, with the raw
/// rows and schema they came from (so the vocabulary can be refitted on other rows).</summary>
public sealed record CtrData(CtrEncoder Encoder, CtrSplit<CtrDataset> Split, CtrSchema Schema, CtrSplit<RawCtrTable> Raw, int MinCount)
{
    /// <summary>Fits the vocabulary on <paramref name="raw"/>'s training rows and encodes all three parts with it.</summary>
    public static CtrData Encode(CtrSchema schema, CtrSplit<RawCtrTable> raw, int minCount)
    {
        var encoder = CtrEncoder.Fit(schema, raw.Train, minCount);
        return new CtrData(encoder, new CtrSplit<CtrDataset>(encoder.Encode(raw.Train), encoder.Encode(raw.Validation), encoder.Encode(raw.Test)), schema, raw, minCount);
    }

    /// <summary>The data for refitting on train ∪ validation: the training part is the training rows followed by the
    /// validation rows, the vocabulary is fitted on those rows (as a user refitting on all labelled data would), the
    /// validation part is empty and the test part unchanged.</summary>
    public CtrData WithValidationInTraining() =>
        Encode(Schema, new CtrSplit<RawCtrTable>(Raw.Train.Concat(Raw.Validation), Raw.Validation.Select([]), Raw.Test), MinCount);

    /// <summary>A validation-only stand-in for the whole protocol: the validation part becomes the test part, the last
    /// (validation-size) training rows become the validation part, and the real test rows are dropped unread. Lets a
    /// protocol setting (such as the refit epoch rule) be chosen by "test" figures that are really validation figures.</summary>
    public CtrData WithValidationAsTest()
    {
        var heldOut = Raw.Validation.Count;
        if (heldOut == 0 || heldOut >= Raw.Train.Count) { throw new InvalidOperationException("validation_as_test needs a validation part smaller than the training part."); }
        var innerTrain = Raw.Train.Count - heldOut;
        return Encode(Schema, new CtrSplit<RawCtrTable>(
            Raw.Train.Select(Enumerable.Range(0, innerTrain)),
            Raw.Train.Select(Enumerable.Range(innerTrain, heldOut)),
            Raw.Validation), MinCount);
    }
}

/// <summary>Reads, merges, splits and encodes the data a <see cref="CtrDatasetSpec"/> describes. The vocabulary is
/// fitted on the training rows only. With <c>validation_as_test</c> the parts are those of
/// <see cref="CtrData.WithValidationAsTest"/>.</summary>
public static class CtrDataLoader
{
    public static CtrData Load(CtrDatasetSpec spec, string baseDirectory, int seed)
    {
        spec.Validate();
        var (schema, table) = Read(spec, baseDirectory, seed);
        var raw = CtrSplits.Random(table, spec.TrainFraction, spec.ValidationFraction, seed);
        if (spec.TrainSubsample < 1)
        {
            var kept = (int)Math.Round(raw.Train.Count * spec.TrainSubsample);
            if (kept < 1) { throw new OptionsException("train_subsample", $"{spec.TrainSubsample} of {raw.Train.Count} training rows keeps none."); }
            raw = raw with { Train = raw.Train.Select(Enumerable.Range(0, kept)) };
        }

        var data = CtrData.Encode(schema, raw, spec.MinCount);
        return spec.ValidationAsTest ? data.WithValidationAsTest() : data;
    }

    private static (CtrSchema Schema, RawCtrTable Table) Read(CtrDatasetSpec spec, string baseDirectory, int seed)
    {
        var files = spec.Files.Select(f => Path.GetFullPath(Path.Combine(baseDirectory, f))).ToArray();
        switch (spec.Format)
        {
            case CtrDataFormat.LibFm:
            {
                var fields = LibFmField.Frappe;
                var table = files.Select(f => LibFmReader.Read(f, fields)).Aggregate((a, b) => a.Concat(b));
                return (new CtrSchema(fields.Select(f => CtrFieldSpec.Categorical(f.Name)).ToArray(), groupField: "user"), table);
            }

            case CtrDataFormat.Csv:
            {
                var schema = string.Equals(spec.Schema, "criteo", StringComparison.OrdinalIgnoreCase)
                    ? DelimitedCtrReader.CriteoSchema()
                    : new CtrSchema([
                        .. spec.CategoricalFields.Select(CtrFieldSpec.Categorical),
                        .. spec.NumericFields.Select(n => CtrFieldSpec.Numeric(n)),
                        .. spec.MultiFields.Select(n => CtrFieldSpec.Multi(n, 8))]);
                var table = files.Select(f => DelimitedCtrReader.Read(f, schema, spec.LabelColumn)).Aggregate((a, b) => a.Concat(b));
                return (schema, table);
            }

            default:
            {
                var dataset = MovieLens100KReader.Load(Path.GetFullPath(Path.Combine(baseDirectory, spec.Path!)));
                var features = new MovieLensCtrFeatures(dataset);
                var table = features.Build(dataset.Log, dataset.UserItems, spec.ClickMinRating, spec.NegativesPerClick, spec.LowRatingsAsNegatives, seed);
                return (MovieLensCtrFeatures.Schema(), table);
            }
        }
    }
}
