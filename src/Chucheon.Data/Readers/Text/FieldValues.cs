using System.Globalization;

namespace Chucheon.Data.Readers.Text;

/// <summary>Culture-invariant parsing of field text into ratings, counts and timestamps.</summary>
internal static class FieldValues
{
    public static bool TryParseFloat(ReadOnlySpan<char> text, out float value) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);

    public static bool TryParseInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>Unix seconds from an integer, a fractional number of seconds (RecBole writes floats), or an ISO 8601
    /// date-time (taken as UTC when it has no offset).</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out long seconds)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fractional)
            && double.IsFinite(fractional) && Math.Abs(fractional) < 9e15)
        {
            seconds = (long)Math.Floor(fractional);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            seconds = moment.ToUnixTimeSeconds();
            return true;
        }

        seconds = 0;
        return false;
    }

    /// <summary>Field text quoted for an error message, cut short so one huge field cannot flood a log.</summary>
    public static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= 40 ? $"'{text}'" : $"'{text[..37]}...'";
}
