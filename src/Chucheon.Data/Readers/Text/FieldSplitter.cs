namespace Chucheon.Data.Readers.Text;

/// <summary>Splits one line into fields held in a reusable buffer: a fixed separator (one or more characters), runs of
/// blanks, or RFC 4180 quoting (a quoted field may hold separators and doubled quotes, but not line breaks).</summary>
internal sealed class FieldSplitter
{
    private readonly string _separator;
    private readonly FieldSplitting _mode;
    private char[] _buffer = new char[512];
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];

    public FieldSplitter(string separator, FieldSplitting mode)
    {
        if (mode != FieldSplitting.Blanks && separator.Length == 0)
        {
            throw new ArgumentException("A separator is required.", nameof(separator));
        }

        if (mode == FieldSplitting.Quoted && separator.Length != 1)
        {
            throw new ArgumentException("Quoted fields need a single-character separator.", nameof(separator));
        }

        _separator = separator;
        _mode = mode;
    }

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => _buffer.AsSpan(_starts[index], _lengths[index]);

    public bool TryGet(int index, out ReadOnlySpan<char> field)
    {
        if ((uint)index < (uint)Count)
        {
            field = _buffer.AsSpan(_starts[index], _lengths[index]);
            return true;
        }

        field = default;
        return false;
    }

    /// <summary>Splits <paramref name="line"/>; returns an error text only for broken quoting.</summary>
    public string? Split(ReadOnlySpan<char> line)
    {
        if (_buffer.Length < line.Length)
        {
            _buffer = new char[Math.Max(line.Length, _buffer.Length * 2)];
        }

        line.CopyTo(_buffer);
        Count = 0;
        switch (_mode)
        {
            case FieldSplitting.Blanks:
                SplitOnBlanks(line.Length);
                return null;
            case FieldSplitting.Quoted:
                return SplitQuoted(line.Length);
            default:
                SplitOnSeparator(line.Length);
                return null;
        }
    }

    private void SplitOnSeparator(int length)
    {
        var position = 0;
        while (true)
        {
            var rest = _buffer.AsSpan(position, length - position);
            var at = _separator.Length == 1 ? rest.IndexOf(_separator[0]) : rest.IndexOf(_separator);
            if (at < 0)
            {
                Add(position, rest.Length);
                return;
            }

            Add(position, at);
            position += at + _separator.Length;
        }
    }

    private void SplitOnBlanks(int length)
    {
        var position = 0;
        while (position < length)
        {
            var rest = _buffer.AsSpan(position, length - position);
            var start = rest.IndexOfAnyExcept(' ', '\t');
            if (start < 0)
            {
                return;
            }

            var token = rest[start..];
            var tokenLength = token.IndexOfAny(' ', '\t');
            if (tokenLength < 0)
            {
                tokenLength = token.Length;
            }

            Add(position + start, tokenLength);
            position += start + tokenLength;
        }
    }

    private string? SplitQuoted(int length)
    {
        var separator = _separator[0];
        var read = 0;
        while (true)
        {
            if (read < length && _buffer[read] == '"')
            {
                // Unescape in place: the written text is never longer than what has been read.
                var write = read;
                var fieldStart = read;
                read++;
                while (true)
                {
                    if (read >= length)
                    {
                        return "unterminated quoted field";
                    }

                    var c = _buffer[read++];
                    if (c == '"')
                    {
                        if (read < length && _buffer[read] == '"')
                        {
                            _buffer[write++] = '"';
                            read++;
                            continue;
                        }

                        break;
                    }

                    _buffer[write++] = c;
                }

                Add(fieldStart, write - fieldStart);
                if (read == length)
                {
                    return null;
                }

                if (_buffer[read] != separator)
                {
                    return "text after a closing quote";
                }

                read++;
                continue;
            }

            var at = _buffer.AsSpan(read, length - read).IndexOf(separator);
            if (at < 0)
            {
                Add(read, length - read);
                return null;
            }

            Add(read, at);
            read += at + 1;
        }
    }

    private void Add(int start, int length)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
    }
}

internal enum FieldSplitting
{
    /// <summary>Split on every occurrence of the separator; no quoting.</summary>
    Separator,

    /// <summary>Split on runs of spaces and tabs; leading and trailing blanks ignored.</summary>
    Blanks,

    /// <summary>Single-character separator with RFC 4180 double-quote quoting.</summary>
    Quoted,
}
