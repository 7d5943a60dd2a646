using System.Collections;
using Chucheon.Configuration;

namespace Chucheon.Data.Continual;

/// <summary>Binds the <c>continual:</c> section, including its nested <c>noisy_task</c> map, which
/// <see cref="OptionsBinder"/> alone cannot bind (it maps scalars and lists onto one flat options class).</summary>
public static class ContinualOptionsBinding
{
    private const string NoisyTaskKey = "noisy_task";

    public static ContinualOptions Bind(IReadOnlyDictionary<string, object?> section, string path = "continual")
    {
        ArgumentNullException.ThrowIfNull(section);
        var flat = new Dictionary<string, object?>(StringComparer.Ordinal);
        object? noisyRaw = null;
        var hasNoisy = false;
        foreach (var (key, value) in section)
        {
            if (IsNoisyTaskKey(key))
            {
                (hasNoisy, noisyRaw) = (true, value);
            }
            else
            {
                flat[key] = value;
            }
        }

        var options = OptionsBinder.Bind<ContinualOptions>(flat, path);
        if (!hasNoisy || noisyRaw is null)
        {
            return options;
        }

        options.NoisyTask = OptionsBinder.Bind<NoisyTaskOptions>(AsMap(noisyRaw, $"{path}.{NoisyTaskKey}"), $"{path}.{NoisyTaskKey}");
        try
        {
            options.Validate();
        }
        catch (OptionsException e)
        {
            // Validate() names keys inside the section; prefix the section so the config line can be found.
            throw new OptionsException($"{path}.{e.Key}", e.Message[(e.Key.Length + 4)..]);
        }

        return options;
    }

    private static bool IsNoisyTaskKey(string key) =>
        string.Equals(key.Replace("-", "_", StringComparison.Ordinal), NoisyTaskKey, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, nameof(ContinualOptions.NoisyTask), StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, object?> AsMap(object raw, string keyPath)
    {
        if (raw is not IDictionary map)
        {
            throw new OptionsException(keyPath, "must be a map, e.g. {position: 3}.");
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in map)
        {
            result[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = entry.Value;
        }

        return result;
    }
}
