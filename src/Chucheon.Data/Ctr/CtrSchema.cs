namespace Chucheon.Data.Ctr;

/// <summary>The declared fields of a CTR dataset in example order, plus which field groups examples for group AUC
/// (usually the user).</summary>
public sealed class CtrSchema
{
    public CtrSchema(IReadOnlyList<CtrFieldSpec> fields, string? groupField = null)
    {
        if (fields.Count == 0) { throw new ArgumentException("A CTR schema needs at least one field.", nameof(fields)); }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            field.Validate();
            if (!seen.Add(field.Name)) { throw new ArgumentException($"Field '{field.Name}' is declared twice.", nameof(fields)); }
        }

        if (groupField is not null && !seen.Contains(groupField))
        {
            throw new ArgumentException($"Group field '{groupField}' is not one of the fields: {string.Join(", ", seen)}.", nameof(groupField));
        }

        Fields = fields;
        GroupField = groupField;
    }

    public IReadOnlyList<CtrFieldSpec> Fields { get; }

    public string? GroupField { get; }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == name) { return i; }
        }

        throw new KeyNotFoundException($"No field named '{name}'. Known: {string.Join(", ", Fields.Select(f => f.Name))}.");
    }
}
