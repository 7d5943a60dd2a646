using System.CommandLine;
using Chucheon.Configuration;
using Chucheon.Models;
using Spectre.Console;

namespace Chucheon.Cli.Commands;

/// <summary><c>chucheon models</c>: every registered alias with its hyperparameters and defaults.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "List model aliases and their hyperparameters with defaults.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("alias", "description", "hyperparameters (defaults)");
            foreach (var model in ModelRegistry.All.OrderBy(m => m.Alias, StringComparer.Ordinal))
            {
                var defaults = OptionsBinder.Describe((IValidatedOptions)Activator.CreateInstance(model.OptionsType)!);
                table.AddRow(model.Alias, Markup.Escape(model.Description),
                    Markup.Escape(string.Join(", ", defaults.Select(kv => $"{kv.Key}={Format(kv.Value)}"))));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        System.Collections.IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}: {d[k]}")) + "}",
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>()) + "]",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
