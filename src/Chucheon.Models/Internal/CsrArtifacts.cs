using Chucheon.Data;

namespace Chucheon.Models.Internal;

/// <summary>Saves and loads a <see cref="CsrMatrix"/> as three named arrays plus its shape.</summary>
internal static class CsrArtifacts
{
    public static void Write(ArtifactWriter writer, string name, CsrMatrix matrix)
    {
        writer.Write(name + "_shape", [matrix.Rows, matrix.Columns]);
        writer.Write(name + "_row_pointers", matrix.RowPointers);
        writer.Write(name + "_columns", matrix.ColumnIndices);
        writer.Write(name + "_values", matrix.Values);
    }

    public static CsrMatrix Read(ArtifactReader reader, string name)
    {
        var shape = reader.ReadInts(name + "_shape");
        if (shape.Length != 2)
        {
            throw new InvalidDataException($"{reader.DirectoryPath}: '{name}_shape' must hold two values.");
        }

        try
        {
            return new CsrMatrix(shape[0], shape[1], reader.ReadInts(name + "_row_pointers"),
                reader.ReadInts(name + "_columns"), reader.ReadFloats(name + "_values"));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{reader.DirectoryPath}: sparse matrix '{name}' is inconsistent: {e.Message}", e);
        }
    }
}
