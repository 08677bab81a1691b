using System.Text.Json;
using System.Text.Json.Nodes;

namespace Folio.Tests.Fuzzing;

public sealed record OpenApiParameter(string Name, string In, bool Required, JsonNode? Sample);

/// <summary>One operation of the API as its OpenAPI document describes it, with a valid request to start mutating from.</summary>
public sealed record OpenApiOperation(string Method, string Template, IReadOnlyList<OpenApiParameter> Parameters, JsonObject? Body)
{
    /// <summary>Every operation in the document, with sample parameter values and a sample body built from its schemas.</summary>
    public static List<OpenApiOperation> Read(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        var schemas = root["components"]?["schemas"]?.AsObject();
        var operations = new List<OpenApiOperation>();
        foreach (var (template, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Select(p => new OpenApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(),
                        p["required"]?.GetValue<bool>() ?? false, Sample(p["schema"], schemas, 0)))
                    .ToList();
                var body = Sample(operation["requestBody"]?["content"]?["application/json"]?["schema"], schemas, 0) as JsonObject;
                operations.Add(new OpenApiOperation(method.ToUpperInvariant(), template, parameters, body));
            }
        }

        return operations;
    }

    /// <summary>A valid-looking value for a schema: the first enum value, a short string, 1, true, one array item, every property.</summary>
    private static JsonNode? Sample(JsonNode? schema, JsonObject? schemas, int depth)
    {
        if (schema is null || depth > 6)
        {
            return null;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Sample(schemas?[reference.Split('/')[^1]], schemas, depth + 1);
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        foreach (var alternative in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[alternative] is JsonArray choices)
            {
                return choices.Select(c => Sample(c, schemas, depth + 1)).FirstOrDefault(s => s is not null);
            }
        }

        return TypeOf(schema) switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, schemas, depth + 1)))),
            "array" => new JsonArray(Sample(schema["items"], schemas, depth + 1)),
            "integer" or "number" => 1,
            "boolean" => true,
            "string" => schema["format"]?.GetValue<string>() == "date-time" ? "2026-01-01T00:00:00Z" : "Fuzzed text",
            _ => null,
        };
    }

    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue type when type.GetValueKind() == JsonValueKind.String => type.GetValue<string>(),
        _ => schema["properties"] is not null ? "object" : null,
    };
}
