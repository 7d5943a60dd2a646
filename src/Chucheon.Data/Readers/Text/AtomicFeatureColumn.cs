using Chucheon.Data.Readers.Building;

namespace Chucheon.Data.Readers.Text;

/// <summary>One feature field of a RecBole <c>.user</c> / <c>.item</c> file and the column(s) it fills.</summary>
internal sealed class AtomicFeatureColumn
{
    private readonly FeatureTableBuilder _features;
    private readonly CategoricalColumnBuilder? _token;
    private readonly MultiCategoricalColumnBuilder? _tokens;
    private readonly NumericColumnBuilder? _number;

    // float_seq positions get their columns on first sight, since the longest sequence is not known up front.
    private readonly List<NumericColumnBuilder>? _numbers;

    public AtomicFeatureColumn(int index, string name, string type, FeatureTableBuilder features)
    {
        Index = index;
        Name = name;
        Type = type;
        _features = features;
        switch (type)
        {
            case "token": _token = features.Categorical(name); break;
            case "token_seq": _tokens = features.MultiCategorical(name); break;
            case "float": _number = features.Numeric(name); break;
            default: _numbers = []; break;
        }
    }

    public int Index { get; }

    public string Name { get; }

    public string Type { get; }

    public bool CanParse(ReadOnlySpan<char> text, out string? problem)
    {
        problem = null;
        text = text.Trim();
        if (_number is not null && !text.IsEmpty && !FieldValues.TryParseFloat(text, out _))
        {
            problem = $"{FieldValues.Quote(text)} is not a number";
        }
        else if (_numbers is not null)
        {
            foreach (var range in text.Split(' '))
            {
                var part = text[range];
                if (!part.IsEmpty && !FieldValues.TryParseFloat(part, out _))
                {
                    problem = $"{FieldValues.Quote(part)} is not a number";
                    break;
                }
            }
        }

        return problem is null;
    }

    public void Set(int row, ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (_token is not null)
        {
            _token.Set(row, text);
        }
        else if (_tokens is not null)
        {
            foreach (var range in text.Split(' ')) { _tokens.Add(row, text[range]); }
        }
        else if (_number is not null)
        {
            if (!text.IsEmpty) { _number.Set(row, float.Parse(text, System.Globalization.CultureInfo.InvariantCulture)); }
        }
        else
        {
            var position = 0;
            foreach (var range in text.Split(' '))
            {
                if (text[range].IsEmpty) { continue; }
                while (_numbers!.Count <= position) { _numbers.Add(_features.Numeric($"{Name}_{_numbers.Count}")); }
                _numbers[position++].Set(row, float.Parse(text[range], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
