using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Chucheon.Configuration;

/// <summary>Binds loosely typed key/value pairs (parsed YAML, command-line overrides) onto a typed options record.
/// Keys are snake_case (<c>total_anneal_steps</c>) or the property name; unknown keys and unconvertible values are
/// rejected with the full key path named, then <see cref="IValidatedOptions.Validate"/> runs.</summary>
public static class OptionsBinder
{
    public static IValidatedOptions Bind(Type optionsType, IReadOnlyDictionary<string, object?> values, string path)
    {
        var options = (IValidatedOptions)(Activator.CreateInstance(optionsType)
            ?? throw new InvalidOperationException($"{optionsType.Name} needs a parameterless constructor."));
        var properties = WritableProperties(optionsType);
        foreach (var (key, raw) in values)
        {
            var keyPath = $"{path}.{key}";
            if (!properties.TryGetValue(NormalizedKey(key), out var property))
            {
                var known = string.Join(", ", properties.Values.Select(p => ToSnakeCase(p.Name)).Order(StringComparer.Ordinal));
                throw new OptionsException(keyPath, $"unknown key. Known keys: {known}.");
            }

            property.SetValue(options, Convert(raw, property.PropertyType, keyPath));
        }

        try
        {
            options.Validate();
        }
        catch (OptionsException e) when (!e.Key.StartsWith(path + ".", StringComparison.Ordinal) && e.Key != path)
        {
            // Validate() names keys relative to its own section; give the full path so the config line can be found.
            var message = e.Message.StartsWith($"'{e.Key}': ", StringComparison.Ordinal) ? e.Message[(e.Key.Length + 4)..] : e.Message;
            throw new OptionsException($"{path}.{e.Key}", message);
        }

        return options;
    }

    public static T Bind<T>(IReadOnlyDictionary<string, object?> values, string path) where T : IValidatedOptions, new() =>
        (T)Bind(typeof(T), values, path);

    /// <summary>Keys and current values of an options object, snake_case, for run records.</summary>
    public static SortedDictionary<string, object?> Describe(IValidatedOptions options)
    {
        var result = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in WritableProperties(options.GetType()).Values)
        {
            result[ToSnakeCase(p.Name)] = p.GetValue(options);
        }

        return result;
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>The form under which a config key matches a property: '_' and '-' dropped, case ignored
    /// (<c>lr_schedule</c>, <c>lr-schedule</c> and <c>LrSchedule</c> are one key).</summary>
    public static string NormalizedKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
    }

    private static Dictionary<string, PropertyInfo> WritableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => NormalizedKey(p.Name), StringComparer.Ordinal);

    /// <summary>Converts a parsed scalar, list or map to the target type; errors name the key path.</summary>
    public static object? Convert(object? raw, Type target, string keyPath)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (raw is null || (raw is string s0 && underlying is not null && (s0.Length == 0 || s0 is "null" or "~")))
        {
            return underlying is not null || !target.IsValueType ? null : throw new OptionsException(keyPath, $"a value of type {Describe(target)} is required.");
        }

        target = underlying ?? target;
        try
        {
            if (target == typeof(string))
            {
                return raw is string str ? str : throw new FormatException();
            }

            if (target.IsEnum)
            {
                var text = ScalarText(raw).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
                var match = Enum.GetNames(target).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                return match is not null
                    ? Enum.Parse(target, match)
                    : throw new OptionsException(keyPath, $"'{ScalarText(raw)}' is not one of: {string.Join(", ", Enum.GetNames(target).Select(ToSnakeCase))}.");
            }

            if (target == typeof(bool))
            {
                return ScalarText(raw).ToUpperInvariant() switch
                {
                    "TRUE" or "YES" or "ON" or "1" => true,
                    "FALSE" or "NO" or "OFF" or "0" => false,
                    _ => throw new FormatException(),
                };
            }

            if (target == typeof(int)) { return int.Parse(ScalarText(raw), NumberStyles.Integer, CultureInfo.InvariantCulture); }
            if (target == typeof(long)) { return long.Parse(ScalarText(raw), NumberStyles.Integer, CultureInfo.InvariantCulture); }
            if (target == typeof(float)) { return float.Parse(ScalarText(raw), NumberStyles.Float, CultureInfo.InvariantCulture); }
            if (target == typeof(double)) { return double.Parse(ScalarText(raw), NumberStyles.Float, CultureInfo.InvariantCulture); }

            if (target.IsArray || (target.IsGenericType && target.GetGenericTypeDefinition() is var g && (g == typeof(IReadOnlyList<>) || g == typeof(List<>))))
            {
                var element = target.IsArray ? target.GetElementType()! : target.GetGenericArguments()[0];
                var items = raw switch
                {
                    string str => str.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList(),
                    IEnumerable list and not IDictionary => list.Cast<object?>().ToList(),
                    _ => throw new FormatException(),
                };
                var array = Array.CreateInstance(element, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    array.SetValue(Convert(items[i], element, $"{keyPath}[{i}]"), i);
                }

                if (target.IsArray)
                {
                    return array;
                }

                var typedList = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                foreach (var item in array) { typedList.Add(item); }
                return typedList;
            }

            if (target.IsGenericType && target.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(Dictionary<,>)))
            {
                var args = target.GetGenericArguments();
                if (raw is not IDictionary map)
                {
                    throw new FormatException();
                }

                var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
                foreach (DictionaryEntry entry in map)
                {
                    var k = Convert(entry.Key, args[0], keyPath)!;
                    dict[k] = Convert(entry.Value, args[1], $"{keyPath}.{entry.Key}");
                }

                return dict;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new OptionsException(keyPath, $"'{ScalarText(raw)}' is not a valid {Describe(target)}.");
        }

        throw new OptionsException(keyPath, $"options of type {target.Name} cannot be bound from configuration.");
    }

    private static string ScalarText(object? raw) => raw switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(ScalarText)) + "]",
        _ => raw.ToString() ?? "",
    };

    private static string Describe(Type t) => t == typeof(int) || t == typeof(long) ? "integer"
        : t == typeof(float) || t == typeof(double) ? "number"
        : t == typeof(bool) ? "boolean (true/false)"
        : t.Name;
}
