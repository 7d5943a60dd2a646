using System.CommandLine;
using System.Globalization;
using Chucheon.Models;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon recommend --model DIR --user ID -k 10</c>: top-K from a saved model, no training data needed.</summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "Run output folder or model bundle folder.", Required = true };
        var user = new Option<string[]>("--user", "-u") { Description = "Raw user id (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var k = new Option<int>("-k") { Description = "How many items.", DefaultValueFactory = _ => 10 };
        var includeSeen = new Option<bool>("--include-seen") { Description = "Do not remove items the user already has." };
        var command = new Command("recommend", "Top-K recommendations for users from a saved model.") { model, user, k, includeSeen };
        command.SetAction(parse => CommandErrors.Guard(() =>
        {
            var count = parse.GetValue(k);
            if (count < 1) { throw new ArgumentException($"-k must be at least 1 (got {count})."); }
            var bundle = BundleLocator.Load(parse.GetValue(model)!);
            var rawUsers = parse.GetValue(user)!;
            var users = rawUsers.Select(u => bundle.Users.GetDense(u, "user")).ToArray();
            var lists = Recommendations.Recommend(bundle.Model, users, bundle.History, count, excludeSeen: !parse.GetValue(includeSeen));
            for (var i = 0; i < users.Length; i++)
            {
                var table = new Table().Title($"user {Markup.Escape(rawUsers[i])} ({bundle.History.RowLength(users[i])} known items, model {bundle.Model.Alias})")
                    .AddColumns("rank", "item", "score");
                for (var r = 0; r < lists[i].Length; r++)
                {
                    table.AddRow((r + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(bundle.Items.GetRaw(lists[i][r].Item)),
                        lists[i][r].Score.ToString("G5", CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(table);
            }

            return 0;
        }));
        return command;
    }
}
