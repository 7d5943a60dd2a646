using Chucheon.Data;
using Chucheon.Data.Ctr;
using Chucheon.Data.Readers;

namespace Chucheon.Neural.Ctr.Experiments;

/// <summary>A prepared CTR experiment: the fitted encoder and the encoded train / validation / test parts.</summary>
public sealed record CtrData(CtrEncoder Encoder, CtrSplit<CtrDataset> Split);

/// <summary>Reads, merges, splits and encodes the data a <see cref="CtrDatasetSpec"/> describes. The vocabulary is
/// fitted on the training rows only.</summary>
public static class CtrDataLoader
{
    public static CtrData Load(CtrDatasetSpec spec, string baseDirectory, int seed)
    {
        spec.Validate();
        var (schema, table) = Read(spec, baseDirectory, seed);
        var raw = CtrSplits.Random(table, spec.TrainFraction, spec.ValidationFraction, seed);
        var encoder = CtrEncoder.Fit(schema, raw.Train, spec.MinCount);
        return new CtrData(encoder, new CtrSplit<CtrDataset>(encoder.Encode(raw.Train), encoder.Encode(raw.Validation), encoder.Encode(raw.Test)));
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
