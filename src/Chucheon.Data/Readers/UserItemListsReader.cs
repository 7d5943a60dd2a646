using Chucheon.Data.Readers.Building;
using Chucheon.Data.Readers.Text;

namespace Chucheon.Data.Readers;

/// <summary>One line per user, <c>user item item ...</c>, separated by spaces or tabs (format <c>user-item-lists</c>):
/// the ICLRec / S3-Rec sequential files and the LightGCN <c>train.txt</c> / <c>test.txt</c> adjacency lists.</summary>
/// <remarks>
/// There are no timestamps: the order of items on a line is taken as chronological, and the log keeps file order, which
/// <see cref="InteractionLog.RowsByUserInTimeOrder"/> preserves. A line holding only a user id is valid: the user gets an
/// id and has no interactions. A user on several lines gets the items of all of them, in file order.
/// </remarks>
public static class UserItemListsReader
{
    public static InteractionDataset Load(string path, ReadOptions? options = null, LoadReport? report = null, string? name = null)
    {
        var users = new IdMap();
        var items = new IdMap();
        var log = ReadLog(path, users, items, options, report);
        return new InteractionDataset(name ?? Path.GetFileNameWithoutExtension(path), users, items, log);
    }

    /// <summary>Reads one file into existing id maps, so the train / validation / test files of a predefined split share
    /// ids. Items first seen in a later file (cold items) get new ids at the end.</summary>
    public static InteractionLog ReadLog(string path, IdMap users, IdMap items, ReadOptions? options = null, LoadReport? report = null)
    {
        options ??= ReadOptions.Default;
        report ??= new LoadReport();
        var splitter = new FieldSplitter(" ", FieldSplitting.Blanks);
        var userIds = new IdLookup(users);
        var itemIds = new IdLookup(items);
        InteractionLogBuilder builder;
        using (var reader = TextFile.Open(path, TextFile.Utf8, report))
        {
            // About five bytes per item id in typical files: a first guess so the columns rarely grow.
            builder = new InteractionLogBuilder(hasRatings: false, hasTimestamps: false, hasEvents: false, (int)Math.Clamp(new FileInfo(path).Length / 5, 1024, 1 << 26));
            while (reader.TryReadLine(out var line))
            {
                report.LineRead();
                splitter.Split(line);
                if (splitter.Count == 0)
                {
                    report.BlankLine();
                    continue;
                }

                var user = userIds.GetOrAdd(splitter[0]);
                for (var i = 1; i < splitter.Count; i++)
                {
                    builder.Add(user, itemIds.GetOrAdd(splitter[i]));
                }
            }
        }

        return DuplicateResolver.Apply(builder.Build(), users.Count, options.Duplicates, report);
    }
}
