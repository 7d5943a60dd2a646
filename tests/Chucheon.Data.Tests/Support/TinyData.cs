namespace Chucheon.Data.Tests.Support;

/// <summary>Builds small datasets from readable rows: raw ids are assigned dense ids in first-seen order, like a reader.</summary>
internal static class TinyData
{
    public static InteractionDataset Build(params (string User, string Item, long Time)[] rows) =>
        Build(rows.Select(r => (r.User, r.Item, 1f, r.Time)).ToArray());

    public static InteractionDataset Build(params (string User, string Item, float Rating, long Time)[] rows)
    {
        var users = new IdMap();
        var items = new IdMap();
        var log = new InteractionLog(
            [.. rows.Select(r => users.GetOrAdd(r.User))],
            [.. rows.Select(r => items.GetOrAdd(r.Item))],
            [.. rows.Select(r => r.Rating)],
            [.. rows.Select(r => r.Time)]);
        return new InteractionDataset("tiny", users, items, log);
    }

    /// <summary>The log's rows as raw (user, item, time) triples, in order, for readable assertions.</summary>
    public static List<(string User, string Item, long Time)> Rows(InteractionDataset dataset, InteractionLog log) =>
        [.. Enumerable.Range(0, log.Count).Select(r => (dataset.Users.GetRaw(log.Users[r]), dataset.Items.GetRaw(log.Items[r]), log.Timestamps![r]))];

    public static List<string> Pairs(InteractionDataset dataset, InteractionLog log) =>
        [.. Enumerable.Range(0, log.Count).Select(r => $"{dataset.Users.GetRaw(log.Users[r])}:{dataset.Items.GetRaw(log.Items[r])}")];
}
