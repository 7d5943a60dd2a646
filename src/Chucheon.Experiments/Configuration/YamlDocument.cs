using Chucheon.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Chucheon.Experiments.Configuration;

/// <summary>A parsed YAML file as plain maps (string keys), lists and string scalars, remembering the line of every
/// key so that errors about a key can point at it.</summary>
public sealed class YamlDocument
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private YamlDocument(string source, Dictionary<string, object?> root)
    {
        Source = source;
        Root = root;
    }

    public string Source { get; }

    public Dictionary<string, object?> Root { get; }

    public static YamlDocument Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException(source, (int)e.Start.Line, null, $"invalid YAML: {e.InnerException?.Message ?? e.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlDocument(source, []);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new ConfigException(source, (int)stream.Documents[0].RootNode.Start.Line, null, "the top level must be a mapping of keys.");
        }

        var document = new YamlDocument(source, []);
        foreach (var (key, value) in document.ConvertMapping(mapping, ""))
        {
            document.Root[key] = value;
        }

        return document;
    }

    public static YamlDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException(path, 0, null, "config file not found.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Line of a key path like "model.reg", or 0 when unknown.</summary>
    public int LineOf(string keyPath)
    {
        for (var path = keyPath; path.Length > 0; path = path.Contains('.', StringComparison.Ordinal) ? path[..path.LastIndexOf('.')] : "")
        {
            if (_lines.TryGetValue(StripIndex(path), out var line)) { return line; }
        }

        return 0;
    }

    /// <summary>Applies command-line overrides <c>key.path=value</c> on top of the file; a value written
    /// <c>[a,b]</c> becomes a list.</summary>
    public void ApplyOverrides(IEnumerable<string>? overrides)
    {
        foreach (var item in overrides ?? [])
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ConfigException("--set", 0, item, "overrides look like key.path=value.");
            }

            var value = item[(eq + 1)..];
            Set(item[..eq].Trim(), value.StartsWith('[') && value.EndsWith(']')
                ? value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList()
                : value);
        }
    }

    /// <summary>Sets or replaces a value by dotted path (command-line overrides such as <c>model.reg=300</c>).</summary>
    public void Set(string keyPath, object? value)
    {
        var parts = keyPath.Split('.');
        var map = Root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (!map.TryGetValue(parts[i], out var child) || child is not Dictionary<string, object?> childMap)
            {
                childMap = new Dictionary<string, object?>(StringComparer.Ordinal);
                map[parts[i]] = childMap;
            }

            map = childMap;
        }

        map[parts[^1]] = value;
    }

    private static string StripIndex(string path) => path.Contains('[', StringComparison.Ordinal) ? path[..path.IndexOf('[', StringComparison.Ordinal)] : path;

    private Dictionary<string, object?> ConvertMapping(YamlMappingNode node, string prefix)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = keyNode is YamlScalarNode s ? s.Value ?? "" : keyNode.ToString();
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (!result.TryAdd(key, Convert(valueNode, path)))
            {
                throw new ConfigException(Source, (int)keyNode.Start.Line, path, "key appears twice.");
            }

            _lines[path] = (int)keyNode.Start.Line;
        }

        return result;
    }

    private object? Convert(YamlNode node, string path) => node switch
    {
        YamlScalarNode scalar => scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" ? null : scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select((child, i) => Convert(child, $"{path}[{i}]")).ToList(),
        YamlMappingNode mapping => ConvertMapping(mapping, path),
        _ => throw new ConfigException(Source, (int)node.Start.Line, path, "unsupported YAML node."),
    };

    /// <summary>Wraps an options error with this file and the key's line.</summary>
    public ConfigException Locate(OptionsException error) => new(Source, LineOf(error.Key), error.Key, StripKey(error.Message));

    private static string StripKey(string message)
    {
        var close = message.IndexOf("': ", StringComparison.Ordinal);
        return message.StartsWith('\'') && close > 0 ? message[(close + 3)..] : message;
    }
}
