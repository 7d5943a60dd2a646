using Chucheon.Data.Readers;
using Chucheon.TestKit;

namespace Chucheon.Data.Tests.Readers;

public sealed class UserItemListsReaderTests
{
    [Fact]
    public void KeepsFileOrderAndUsersWithEmptyLists()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("seq.txt", "1 5 3 9\n2\n\n3 3  5\t7 \n");
        var report = new LoadReport();

        var dataset = UserItemListsReader.Load(path, report: report);

        Assert.Equal(["1", "2", "3"], dataset.Users.RawIds);
        Assert.Equal(6, dataset.Log.Count);
        Assert.Null(dataset.Log.Timestamps);
        var sequences = dataset.UserSequences();
        Assert.Equal(["5", "3", "9"], sequences[0].Select(dataset.Items.GetRaw));
        Assert.Empty(sequences[1]);
        Assert.Equal(["3", "5", "7"], sequences[2].Select(dataset.Items.GetRaw));
        Assert.Equal(1, report.BlankLines);
    }

    [Fact]
    public void SplitFilesShareIdsAndColdItemsAreAppended()
    {
        using var dir = new TempDirectory();
        var users = new IdMap();
        var items = new IdMap();
        var train = UserItemListsReader.ReadLog(dir.Write("train.txt", "0 1 2\n1 2\n"), users, items);
        var test = UserItemListsReader.ReadLog(dir.Write("test.txt", "1 1 9\n"), users, items);

        Assert.Equal(3, train.Count);
        Assert.Equal([1, 1], test.Users);
        Assert.Equal([0, 2], test.Items);
        Assert.Equal(3, items.Count);
    }

    [Fact]
    public void SharedBeauty()
    {
        var dataset = UserItemListsReader.Load(SharedData.File("iclrec_beauty", "Beauty.txt"));

        Assert.Equal(22_363, dataset.UserCount);
        Assert.Equal(12_101, dataset.ItemCount);
        Assert.Equal(198_502, dataset.Log.Count);
        var lengths = dataset.UserSequences().Select(s => s.Length).ToArray();
        Assert.Equal(5, lengths.Min());
        Assert.Equal(204, lengths.Max());
    }

    [Fact]
    public void SharedLightGcnSplitShareIds()
    {
        var folder = SharedData.Folder("ml-1m-lightgcnpp");
        var users = new IdMap();
        var items = new IdMap();
        var report = new LoadReport();
        var train = UserItemListsReader.ReadLog(Path.Combine(folder, "train.txt"), users, items, report: report);
        Assert.Equal(6_039, users.Count);
        Assert.Equal(590_733, train.Count);
        Assert.Equal(3_583, items.Count);

        var valid = UserItemListsReader.ReadLog(Path.Combine(folder, "valid.txt"), users, items, report: report);
        var test = UserItemListsReader.ReadLog(Path.Combine(folder, "test.txt"), users, items, report: report);
        Assert.Equal(80_897, valid.Count);
        Assert.Equal(164_848, test.Count);
        Assert.Equal(6_039, users.Count);
        Assert.Equal(3_628, items.Count);
        Assert.Equal(0, report.DuplicateRows);
    }
}
