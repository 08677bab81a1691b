using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures.Infrastructure;

namespace Folio.Pages.Shared;

/// <summary>
/// Messages carried to the next page keep the type they were saved with. ASP.NET Core's own serializer reads any
/// string that looks like a date or a GUID back as a DateTime or a Guid, so a token or story named
/// "9999-12-31T23:59:59Z" failed the next page with an InvalidCastException. Folio keeps only text and yes/no there.
/// </summary>
public sealed class TextTempData : TempDataSerializer
{
    public override byte[] Serialize(IDictionary<string, object>? values) =>
        JsonSerializer.SerializeToUtf8Bytes(values?.Where(v => v.Value is string or bool).ToDictionary(v => v.Key, v => v.Value) ?? []);

    public override IDictionary<string, object> Deserialize(byte[] unprotectedData)
    {
        using var document = JsonDocument.Parse(unprotectedData);
        var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            object? value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
            if (value is not null)
            {
                values[property.Name] = value;
            }
        }

        return values;
    }

    public override bool CanSerializeType(Type type) => type == typeof(string) || type == typeof(bool) || type == typeof(bool?);
}
