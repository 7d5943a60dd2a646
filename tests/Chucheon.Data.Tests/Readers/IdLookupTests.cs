using Chucheon.Data.Readers.Building;
using FsCheck.Xunit;

namespace Chucheon.Data.Tests.Readers;

public sealed class IdLookupTests
{
    [Fact]
    public void NonCanonicalSpellingsStayDistinctIds()
    {
        var map = new IdMap();
        var lookup = new IdLookup(map);
        string[] raw = ["7", "07", "+7", "7", "0", "00", "16777216", "x7", "7"];

        var dense = raw.Select(r => lookup.GetOrAdd(r)).ToArray();

        Assert.Equal([0, 1, 2, 0, 3, 4, 5, 6, 0], dense);
        Assert.Equal(["7", "07", "+7", "0", "00", "16777216", "x7"], map.RawIds);
    }

    [Property(MaxTest = 200)]
    public bool GivesTheSameIdsAsTheMapAlone(int[] numbers, bool padSome)
    {
        var direct = new IdMap();
        var fronted = new IdMap();
        var lookup = new IdLookup(fronted);
        for (var i = 0; i < numbers.Length; i++)
        {
            var text = (padSome && i % 3 == 0 ? "0" : "") + (numbers[i] % 5000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (direct.GetOrAdd(text) != lookup.GetOrAdd(text)) { return false; }
        }

        return direct.RawIds.SequenceEqual(fronted.RawIds);
    }
}
