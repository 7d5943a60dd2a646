using Chucheon.Data.Caching;
using Chucheon.Data.Filters;
using Chucheon.Data.Splits;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Caching;

public class DatasetFingerprintTests
{
    private static readonly SplitSpec Split = new() { Method = SplitMethod.Random, TestRatio = 0.2 };
    private static readonly FilterSpec Filters = new() { MinUserInteractions = 5 };

    [Fact]
    public void Same_files_and_specs_give_the_same_fingerprint()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("ratings.tsv", "1\t2\t5\t100\n");

        var a = DatasetFingerprint.Compute([file], Filters, Split, 42);
        var b = DatasetFingerprint.Compute([file], new FilterSpec { MinUserInteractions = 5 }, new SplitSpec { Method = SplitMethod.Random, TestRatio = 0.2 }, 42);

        Assert.Equal(a, b);
        Assert.Equal(64, a.Hex.Length);
        Assert.Equal(16, a.Short.Length);
        Assert.Equal(a.Short, a.ToString());
        Assert.StartsWith(a.Short, a.Hex, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_change_to_content_name_seed_or_spec_changes_it()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("ratings.tsv", "1\t2\t5\t100\n");
        var renamed = dir.Write("other.tsv", "1\t2\t5\t100\n");
        var baseline = DatasetFingerprint.Compute([file], Filters, Split, 42);

        Assert.NotEqual(baseline, DatasetFingerprint.Compute([file], Filters, Split, 43));
        Assert.NotEqual(baseline, DatasetFingerprint.Compute([file], Filters, new SplitSpec { Method = SplitMethod.Random, TestRatio = 0.3 }, 42));
        Assert.NotEqual(baseline, DatasetFingerprint.Compute([file], new FilterSpec { MinUserInteractions = 5, Dedupe = DedupePolicy.Last }, Split, 42));
        Assert.NotEqual(baseline, DatasetFingerprint.Compute([renamed], Filters, Split, 42));
        File.AppendAllText(file, "1\t3\t4\t101\n");
        Assert.NotEqual(baseline, DatasetFingerprint.Compute([file], Filters, Split, 42));
    }

    [Fact]
    public void The_same_file_in_another_folder_matches()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();

        Assert.Equal(
            DatasetFingerprint.Compute([one.Write("u.data", "a")], Split, 1),
            DatasetFingerprint.Compute([two.Write("u.data", "a")], Split, 1));
    }

    [Fact]
    public void Canonical_json_sorts_keys_and_tags_types()
    {
        var json = DatasetFingerprint.CanonicalJson(new Dictionary<string, int> { ["b"] = 1, ["a"] = 2 }, Split, 42, null);
        var reordered = DatasetFingerprint.CanonicalJson(new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, Split, 42, null);

        Assert.Equal(json, reordered);
        Assert.StartsWith("""[{"type":"Dictionary`2","value":{"a":2,"b":1}},{"type":"SplitSpec","value":{"cutoff":null,""", json, StringComparison.Ordinal);
        Assert.Contains("\"method\":\"Random\"", json, StringComparison.Ordinal);
        Assert.EndsWith("""{"type":"Int32","value":42},null]""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_source_file_is_an_error_naming_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => DatasetFingerprint.Compute(["/no/such/ratings.csv"], 1));
        Assert.Contains("/no/such/ratings.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_full_lowercase_hex_is_a_fingerprint()
    {
        Assert.Throws<ArgumentException>(() => new DatasetFingerprint("abc"));
        Assert.Throws<ArgumentException>(() => new DatasetFingerprint(new string('A', 64)));
    }
}
