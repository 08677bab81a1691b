using Microsoft.OpenApi;

namespace Folio.Features.Developers;

/// <summary>Turns JSON schemas into what a reader of the reference needs: a type in words and an object's fields.</summary>
public static class ApiSchemaWords
{
    public static ApiTypeView TypeOf(IOpenApiSchema? schema)
    {
        switch (schema)
        {
            case null:
                return Plain("any");
            case OpenApiSchemaReference reference when reference.Reference.Id is { } id:
                return new ApiTypeView("", id, true, false, ValuesOf(reference.Target));
        }

        var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
        var alternatives = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).ToList();
        if (alternatives.Count > 0)
        {
            var real = alternatives.Where(a => a is OpenApiSchemaReference || a.Type != JsonSchemaType.Null).ToList();
            nullable |= real.Count < alternatives.Count;
            var type = real.Count == 1
                ? TypeOf(real[0])
                : Plain("one of " + string.Join(", ", real.Select(r => Words(TypeOf(r)))));
            return type with { Nullable = type.Nullable || nullable };
        }

        var kind = schema.Type ?? 0;
        if (kind.HasFlag(JsonSchemaType.Array))
        {
            var items = TypeOf(schema.Items);
            return items with { Prefix = "array of " + items.Prefix, Nullable = nullable };
        }

        // Numbers may also be sent as strings (the Web JSON defaults), which the schema says as ["integer", "string"].
        var name = kind switch
        {
            _ when kind.HasFlag(JsonSchemaType.Integer) => "integer",
            _ when kind.HasFlag(JsonSchemaType.Number) => "number",
            _ when kind.HasFlag(JsonSchemaType.Boolean) => "boolean",
            _ when kind.HasFlag(JsonSchemaType.String) => schema.Format is { Length: > 0 } format ? $"string ({format})" : "string",
            _ when kind.HasFlag(JsonSchemaType.Object) && schema.AdditionalProperties is { } values => "map of " + Words(TypeOf(values)),
            _ when kind.HasFlag(JsonSchemaType.Object) => "object",
            _ => "any",
        };
        return new ApiTypeView("", name, false, nullable, ValuesOf(schema));
    }

    /// <summary>An object's fields; a field is required only when it must be sent and can't be null.</summary>
    public static IReadOnlyList<ApiFieldView> FieldsOf(IOpenApiSchema? schema)
    {
        var target = Resolve(schema);
        if (target?.Properties is not { Count: > 0 } properties)
        {
            return [];
        }

        var required = target.Required ?? new HashSet<string>();
        return [.. properties.Select(p =>
        {
            var type = TypeOf(p.Value);
            return new ApiFieldView(p.Key, type, required.Contains(p.Key) && !type.Nullable, Describe(p.Value));
        })];
    }

    /// <summary>The component schemas a schema names, directly or through its fields, items and alternatives.</summary>
    public static IEnumerable<string> References(IOpenApiSchema? schema)
    {
        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            return [id];
        }

        IEnumerable<IOpenApiSchema?> parts =
            [schema?.Items, schema?.AdditionalProperties, .. schema?.Properties?.Values ?? [], .. schema?.OneOf ?? [], .. schema?.AnyOf ?? [], .. schema?.AllOf ?? []];
        return parts.Where(p => p is not null).SelectMany(References);
    }

    public static IOpenApiSchema? Resolve(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? reference.Target : schema;

    public static string? Describe(IOpenApiSchema? schema) => string.IsNullOrWhiteSpace(schema?.Description) ? null : schema.Description;

    public static string Words(ApiTypeView type) => type.Prefix + type.Name + (type.Nullable ? " or null" : "");

    private static ApiTypeView Plain(string name) => new("", name, false, false, []);

    private static IReadOnlyList<string> ValuesOf(IOpenApiSchema? schema) =>
        schema?.Enum is { Count: > 0 } values ? [.. values.Where(v => v is not null).Select(v => v!.ToJsonString())] : [];
}
