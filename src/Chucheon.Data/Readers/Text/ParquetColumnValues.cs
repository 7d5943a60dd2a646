using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Chucheon.Data.Readers.Text;

/// <summary>Reads one Parquet column of a row group into a few normalized shapes, whatever its physical type:
/// ids as integers or strings, numbers as doubles, times as Unix seconds. Null means missing.</summary>
internal static class ParquetColumnValues
{
    /// <summary>Id-like values: integer columns stay integers (no text per row); everything else becomes text.</summary>
    public static async Task<(long?[]? Integers, string?[]? Texts)> ReadIdsAsync(ParquetRowGroupReader rowGroup, DataField field, int rows)
    {
        var type = field.ClrType;
        if (type == typeof(int)) { return (Widen<int, long>(await ReadAsync<int>(rowGroup, field, rows), v => v), null); }
        if (type == typeof(long)) { return (await ReadAsync<long>(rowGroup, field, rows), null); }
        if (type == typeof(short)) { return (Widen<short, long>(await ReadAsync<short>(rowGroup, field, rows), v => v), null); }
        if (type == typeof(uint)) { return (Widen<uint, long>(await ReadAsync<uint>(rowGroup, field, rows), v => v), null); }
        if (IsText(type))
        {
            var texts = new string?[rows];
            await rowGroup.ReadAsync(field, texts.AsMemory()!);
            return (null, texts);
        }

        var numbers = await ReadNumbersAsync(rowGroup, field, rows);
        return (null, Array.ConvertAll(numbers, v => v?.ToString(CultureInfo.InvariantCulture)));
    }

    public static async Task<double?[]> ReadNumbersAsync(ParquetRowGroupReader rowGroup, DataField field, int rows)
    {
        var type = field.ClrType;
        if (type == typeof(double)) { return await ReadAsync<double>(rowGroup, field, rows); }
        if (type == typeof(float)) { return Widen<float, double>(await ReadAsync<float>(rowGroup, field, rows), v => v); }
        if (type == typeof(int)) { return Widen<int, double>(await ReadAsync<int>(rowGroup, field, rows), v => v); }
        if (type == typeof(long)) { return Widen<long, double>(await ReadAsync<long>(rowGroup, field, rows), v => v); }
        if (type == typeof(short)) { return Widen<short, double>(await ReadAsync<short>(rowGroup, field, rows), v => v); }
        if (type == typeof(decimal)) { return Widen(await ReadAsync<decimal>(rowGroup, field, rows), v => (double)v); }
        if (IsText(type))
        {
            var texts = new string?[rows];
            await rowGroup.ReadAsync(field, texts.AsMemory()!);
            return Array.ConvertAll(texts, t => FieldValues.TryParseFloat(t, out var v) ? (double?)v : null);
        }

        throw new NotSupportedException($"Parquet column '{field.Name}' of type {type} cannot be read as a number.");
    }

    public static async Task<long?[]> ReadTimesAsync(ParquetRowGroupReader rowGroup, DataField field, int rows)
    {
        var type = field.ClrType;
        if (type == typeof(long)) { return await ReadAsync<long>(rowGroup, field, rows); }
        if (type == typeof(int)) { return Widen<int, long>(await ReadAsync<int>(rowGroup, field, rows), v => v); }
        if (type == typeof(DateTime))
        {
            return Widen(await ReadAsync<DateTime>(rowGroup, field, rows), v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)).ToUnixTimeSeconds());
        }

        if (type == typeof(DateTimeOffset)) { return Widen(await ReadAsync<DateTimeOffset>(rowGroup, field, rows), v => v.ToUnixTimeSeconds()); }
        if (IsText(type))
        {
            var texts = new string?[rows];
            await rowGroup.ReadAsync(field, texts.AsMemory()!);
            return Array.ConvertAll(texts, t => FieldValues.TryParseTimestamp(t, out var v) ? (long?)v : null);
        }

        return Widen(await ReadNumbersAsync(rowGroup, field, rows), v => (long)Math.Floor(v));
    }

    // Parquet.Net 6 reports UTF-8 columns as ReadOnlyMemory<char>; both read through the string overload.
    private static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    private static async Task<T?[]> ReadAsync<T>(ParquetRowGroupReader rowGroup, DataField field, int rows) where T : struct
    {
        var values = new T?[rows];
        if (field.IsNullable)
        {
            await rowGroup.ReadAsync<T>(field, values.AsMemory());
            return values;
        }

        var plain = new T[rows];
        await rowGroup.ReadAsync<T>(field, plain.AsMemory());
        for (var i = 0; i < rows; i++) { values[i] = plain[i]; }
        return values;
    }

    private static TOut?[] Widen<TIn, TOut>(TIn?[] values, Func<TIn, TOut> convert) where TIn : struct where TOut : struct
    {
        var result = new TOut?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } v) { result[i] = convert(v); }
        }

        return result;
    }
}
