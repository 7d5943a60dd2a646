using System.CommandLine;
using System.Globalization;
using Chucheon.Models;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon similar-items --model DIR --item ID -k 10</c>.</summary>
internal static class SimilarItemsCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "Run output folder or model bundle folder.", Required = true };
        var item = new Option<string>("--item", "-i") { Description = "Raw item id.", Required = true };
        var k = new Option<int>("-k") { Description = "How many items.", DefaultValueFactory = _ => 10 };
        var command = new Command("similar-items", "Items most similar to an item, from a saved model.") { model, item, k };
        command.SetAction(parse => CommandErrors.Guard(() =>
        {
            var bundle = BundleLocator.Load(parse.GetValue(model)!);
            if (bundle.Model is not ISimilarItems similar)
            {
                throw new NotSupportedException($"model '{bundle.Model.Alias}' does not provide item similarities.");
            }

            var count = parse.GetValue(k);
            if (count < 1) { throw new ArgumentException($"-k must be at least 1 (got {count})."); }
            var raw = parse.GetValue(item)!;
            var table = new Table().Title($"items similar to {Markup.Escape(raw)} ({bundle.Model.Alias})").AddColumns("rank", "item", "similarity");
            var rank = 1;
            foreach (var s in similar.SimilarItems(bundle.Items.GetDense(raw, "item"), count))
            {
                table.AddRow((rank++).ToString(CultureInfo.InvariantCulture), Markup.Escape(bundle.Items.GetRaw(s.Item)), s.Score.ToString("G5", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
