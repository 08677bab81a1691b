using System.Text.Json;

namespace Folio.Features.Audit;

/// <summary>One field of an entry's before/after: what it was and what it became (null when it did not exist on that side).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// Turns an entry's before and after JSON into the rows a person reads: the fields that changed, in the order they were
/// written. A field the same on both sides is left out; an entry that created or deleted something shows all its fields.
/// </summary>
public static class AuditChanges
{
    public static IReadOnlyList<AuditChange> Of(string? before, string? after)
    {
        var was = Fields(before);
        var now = Fields(after);
        var names = was.Keys.Concat(now.Keys).Distinct(StringComparer.Ordinal);
        return [.. names
            .Select(name => new AuditChange(name, was.GetValueOrDefault(name), now.GetValueOrDefault(name)))
            .Where(c => before is null || after is null || c.Before != c.After)];
    }

    private static Dictionary<string, string> Fields(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields[property.Name] = Text(property.Value);
                }
            }
            else
            {
                fields["value"] = Text(document.RootElement);
            }
        }
        catch (JsonException)
        {
            // Written by AuditLog, so always JSON; an entry restored from a hand-edited export still reads.
            fields["value"] = json;
        }

        return fields;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : "(empty)",
        JsonValueKind.Null or JsonValueKind.Undefined => "(none)",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "(none)" : string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}
