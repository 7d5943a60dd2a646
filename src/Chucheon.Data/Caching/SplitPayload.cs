using System.Runtime.InteropServices;

namespace Chucheon.Data.Caching;

/// <summary>The body of a cache entry: a <see cref="DataSplit"/> with its id maps, every log column and feature tables,
/// written as length-prefixed little-endian arrays. Reading and writing sit together so the two cannot drift apart.</summary>
/// <remarks>Arrays are copied as raw bytes, which is what makes loading a cached ml-20m split take disk time only; the
/// cache therefore refuses to run on a big-endian machine rather than write entries another machine would misread.</remarks>
internal static class SplitPayload
{
    private const byte HasRatings = 1, HasTimestamps = 2, HasEventTypes = 4;

    private enum ColumnKind : byte
    {
        Categorical = 1,
        MultiCategorical = 2,
        Numeric = 3,
        Text = 4,
    }

    public static void Write(BinaryWriter w, DataSplit split)
    {
        EnsureLittleEndian();
        w.Write(split.Method);
        var train = split.Train;
        w.Write(train.Name);
        WriteIdMap(w, train.Users);
        WriteIdMap(w, train.Items);
        WriteOptional(w, train.EventTypes, WriteIdMap);
        WriteLog(w, train.Log);
        WriteOptional(w, train.UserFeatures, WriteFeatures);
        WriteOptional(w, train.ItemFeatures, WriteFeatures);
        WriteLog(w, split.Validation);
        WriteLog(w, split.Test);
        WriteOptional(w, split.FoldIn, WriteLog);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; <paramref name="end"/> bounds every array length, so a damaged
    /// length field fails as <see cref="InvalidDataException"/> instead of allocating gigabytes.</summary>
    public static DataSplit Read(BinaryReader r, long end)
    {
        EnsureLittleEndian();
        var method = r.ReadString();
        var name = r.ReadString();
        var users = ReadIdMap(r, end);
        var items = ReadIdMap(r, end);
        var eventTypes = ReadOptional(r, end, ReadIdMap);
        var log = ReadLog(r, end);
        var userFeatures = ReadOptional(r, end, ReadFeatures);
        var itemFeatures = ReadOptional(r, end, ReadFeatures);
        var train = new InteractionDataset(name, users, items, log, userFeatures, itemFeatures, eventTypes);
        var validation = ReadLog(r, end);
        var test = ReadLog(r, end);
        var foldIn = ReadOptional(r, end, ReadLog);
        return new DataSplit(train, validation, test, foldIn, method);
    }

    private static void WriteLog(BinaryWriter w, InteractionLog log)
    {
        w.Write(log.Count);
        w.Write((byte)((log.Ratings is null ? 0 : HasRatings) | (log.Timestamps is null ? 0 : HasTimestamps) | (log.EventTypes is null ? 0 : HasEventTypes)));
        WriteRaw(w, log.Users);
        WriteRaw(w, log.Items);
        if (log.Ratings is { } ratings) { WriteRaw(w, ratings); }
        if (log.Timestamps is { } times) { WriteRaw(w, times); }
        if (log.EventTypes is { } events) { WriteRaw(w, events); }
    }

    private static InteractionLog ReadLog(BinaryReader r, long end)
    {
        var count = ReadCount(r);
        var flags = r.ReadByte();
        if ((flags & ~(HasRatings | HasTimestamps | HasEventTypes)) != 0) { throw new InvalidDataException($"Unknown log column flags {flags}."); }
        var users = ReadRaw<int>(r, count, end);
        var items = ReadRaw<int>(r, count, end);
        var ratings = (flags & HasRatings) != 0 ? ReadRaw<float>(r, count, end) : null;
        var times = (flags & HasTimestamps) != 0 ? ReadRaw<long>(r, count, end) : null;
        var events = (flags & HasEventTypes) != 0 ? ReadRaw<int>(r, count, end) : null;
        return new InteractionLog(users, items, ratings, times, events);
    }

    private static void WriteIdMap(BinaryWriter w, IdMap map)
    {
        w.Write(map.Count);
        foreach (var raw in map.RawIds) { w.Write(raw); }
    }

    private static IdMap ReadIdMap(BinaryReader r, long end)
    {
        var count = ReadCount(r);
        // Each raw id takes at least its one-byte length prefix.
        if (count > end - r.BaseStream.Position) { throw new InvalidDataException($"Id map of {count} entries overruns the entry."); }
        var raw = new string[count];
        for (var i = 0; i < count; i++) { raw[i] = r.ReadString(); }
        try
        {
            return new IdMap(raw);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private static void WriteFeatures(BinaryWriter w, FeatureTable table)
    {
        w.Write(table.Rows);
        w.Write(table.Columns.Count);
        foreach (var column in table.Columns)
        {
            switch (column)
            {
                case CategoricalFeature c:
                    Header(ColumnKind.Categorical);
                    WriteIdMap(w, c.Vocabulary);
                    WriteRaw(w, c.Values);
                    break;
                case MultiCategoricalFeature m:
                    Header(ColumnKind.MultiCategorical);
                    WriteIdMap(w, m.Vocabulary);
                    WriteRaw(w, m.Offsets);
                    w.Write(m.Values.Length);
                    WriteRaw(w, m.Values);
                    break;
                case NumericFeature n:
                    Header(ColumnKind.Numeric);
                    WriteRaw(w, n.Values);
                    break;
                case TextFeature t:
                    Header(ColumnKind.Text);
                    foreach (var value in t.Values)
                    {
                        w.Write(value is not null);
                        if (value is not null) { w.Write(value); }
                    }

                    break;
                default:
                    throw new NotSupportedException($"Feature '{column.Name}' has column type {column.GetType().Name}, which the cache cannot store.");
            }

            void Header(ColumnKind kind)
            {
                w.Write((byte)kind);
                w.Write(column.Name);
            }
        }
    }

    private static FeatureTable ReadFeatures(BinaryReader r, long end)
    {
        var rows = ReadCount(r);
        var columns = ReadCount(r);
        var table = new FeatureTable(rows);
        for (var c = 0; c < columns; c++)
        {
            var kind = (ColumnKind)r.ReadByte();
            var name = r.ReadString();
            FeatureColumn column = kind switch
            {
                ColumnKind.Categorical => new CategoricalFeature(name, ReadIdMap(r, end), ReadRaw<int>(r, rows, end)),
                ColumnKind.MultiCategorical => ReadMultiCategorical(r, end, name, rows),
                ColumnKind.Numeric => new NumericFeature(name, ReadRaw<float>(r, rows, end)),
                ColumnKind.Text => new TextFeature(name, ReadTexts(r, end, rows)),
                _ => throw new InvalidDataException($"Unknown feature column kind {(byte)kind} for '{name}'."),
            };
            try
            {
                table.Add(column);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException(e.Message, e);
            }
        }

        return table;
    }

    private static MultiCategoricalFeature ReadMultiCategorical(BinaryReader r, long end, string name, int rows)
    {
        var vocabulary = ReadIdMap(r, end);
        var offsets = ReadRaw<int>(r, rows + 1, end);
        var values = ReadRaw<int>(r, ReadCount(r), end);
        if (offsets[0] != 0 || offsets[^1] != values.Length) { throw new InvalidDataException($"Offsets of '{name}' do not span its values."); }
        return new MultiCategoricalFeature(name, vocabulary, offsets, values);
    }

    private static string?[] ReadTexts(BinaryReader r, long end, int rows)
    {
        if (rows > end - r.BaseStream.Position) { throw new InvalidDataException($"Text column of {rows} rows overruns the entry."); }
        var values = new string?[rows];
        for (var i = 0; i < rows; i++) { values[i] = r.ReadBoolean() ? r.ReadString() : null; }
        return values;
    }

    private static void WriteOptional<T>(BinaryWriter w, T? value, Action<BinaryWriter, T> write) where T : class
    {
        w.Write(value is not null);
        if (value is not null) { write(w, value); }
    }

    private static T? ReadOptional<T>(BinaryReader r, long end, Func<BinaryReader, long, T> read) where T : class =>
        r.ReadBoolean() ? read(r, end) : null;

    private static void WriteRaw<T>(BinaryWriter w, T[] values) where T : unmanaged => w.Write(MemoryMarshal.AsBytes(values.AsSpan()));

    private static T[] ReadRaw<T>(BinaryReader r, int count, long end) where T : unmanaged
    {
        var bytes = (long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (bytes > end - r.BaseStream.Position) { throw new InvalidDataException($"An array of {count} {typeof(T).Name} overruns the entry."); }
        var values = new T[count];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static int ReadCount(BinaryReader r)
    {
        var count = r.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException($"Negative count {count}.");
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) { throw new PlatformNotSupportedException("The dataset cache format is little-endian only."); }
    }
}
