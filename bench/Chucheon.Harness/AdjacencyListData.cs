using Chucheon.Data;

namespace Chucheon.Harness;

/// <summary>The LightGCN "adjacency list" split (train.txt / valid.txt / test.txt, one line per user:
/// <c>user item item ...</c>) with one id space over all three files, so items absent from train.txt still exist
/// (as cold items) and can be asked about. A stop-gap loader until the harness moves to the shared readers.</summary>
internal sealed class AdjacencyListData
{
    private AdjacencyListData(InteractionDataset train, CsrMatrix valid, CsrMatrix test)
    {
        Train = train;
        Valid = valid;
        Test = test;
    }

    public InteractionDataset Train { get; }

    public CsrMatrix Valid { get; }

    public CsrMatrix Test { get; }

    /// <summary>Training and validation interactions together (for a final fit after tuning on validation).</summary>
    public InteractionDataset TrainWithValid()
    {
        var users = new List<int>(Train.Log.Users);
        var items = new List<int>(Train.Log.Items);
        for (var u = 0; u < Valid.Rows; u++)
        {
            foreach (var i in Valid.RowIndices(u)) { users.Add(u); items.Add(i); }
        }

        return Train.WithLog(new InteractionLog([.. users], [.. items]), Train.Name + "+valid");
    }

    public static AdjacencyListData Load(string folder)
    {
        var users = new IdMap();
        var items = new IdMap();
        var parts = new[] { "train.txt", "valid.txt", "test.txt" }
            .Select(f => Path.Combine(folder, f))
            .Select(path => File.Exists(path) ? Read(path, users, items) : (new List<int>(), new List<int>()))
            .ToArray();
        var log = new InteractionLog([.. parts[0].Item1], [.. parts[0].Item2]);
        var train = new InteractionDataset(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), users, items, log);
        return new AdjacencyListData(train, Matrix(parts[1], users.Count, items.Count), Matrix(parts[2], users.Count, items.Count));
    }

    private static CsrMatrix Matrix((List<int> Users, List<int> Items) part, int users, int items) =>
        CsrMatrix.FromCoordinates(users, items, part.Users.ToArray(), part.Items.ToArray(), []).Binarized();

    private static (List<int> Users, List<int> Items) Read(string path, IdMap users, IdMap items)
    {
        var userIds = new List<int>();
        var itemIds = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            var span = line.AsSpan().Trim();
            if (span.IsEmpty) { continue; }

            var user = -1;
            foreach (var range in span.Split(' '))
            {
                var token = span[range];
                if (token.IsEmpty) { continue; }
                if (user < 0) { user = users.GetOrAdd(token); continue; }
                userIds.Add(user);
                itemIds.Add(items.GetOrAdd(token));
            }
        }

        return (userIds, itemIds);
    }
}
