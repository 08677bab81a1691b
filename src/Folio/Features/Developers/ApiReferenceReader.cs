using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Folio.Features.Developers;

/// <summary>
/// Builds the reference from the generated OpenAPI document (the content of /openapi/v1.json) and the endpoints'
/// authorization metadata, once: endpoints don't change while the app runs, so the page can't drift from them.
/// </summary>
public sealed class ApiReferenceReader(
    [FromKeyedServices(ApiReferenceReader.DocumentName)] IOpenApiDocumentProvider document, ApiAccessRules accessRules)
{
    public const string DocumentName = "v1";
    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private ApiReference? _reference;

    public async Task<ApiReference> ReadAsync(CancellationToken cancellationToken)
    {
        return _reference ??= Read(await document.GetOpenApiDocumentAsync(cancellationToken), await accessRules.ReadAsync());
    }

    private static ApiReference Read(OpenApiDocument openApi, IReadOnlyDictionary<(string Method, string Path), ApiAccess> access)
    {
        var operations = (openApi.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(o => (Path: path.Key, Method: o.Key.Method.ToUpperInvariant(), Operation: o.Value)))
            .OrderBy(o => o.Path, StringComparer.Ordinal)
            .ThenBy(o => Array.IndexOf(MethodOrder, o.Method) is var i and >= 0 ? i : MethodOrder.Length)
            .Select(o => (Tag: o.Operation.Tags?.FirstOrDefault()?.Name ?? "Other",
                View: Operation(o.Method, o.Path, o.Operation, access.GetValueOrDefault((o.Method, o.Path), ApiAccess.Anyone))))
            .ToList();
        var tagOrder = openApi.Tags?.Select(t => t.Name).ToList() ?? [];
        var groups = operations.GroupBy(o => o.Tag)
            .OrderBy(g => tagOrder.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ApiTagGroup(g.Key, ApiAnchors.Tag(g.Key), openApi.Tags?.FirstOrDefault(t => t.Name == g.Key)?.Description,
                [.. g.Select(o => o.View)]))
            .ToList();
        var components = openApi.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var sent = Sent(openApi, components);
        var schemas = components
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ApiSchemaView(s.Key, ApiSchemaWords.Describe(s.Value),
                [.. ApiSchemaWords.FieldsOf(s.Value).Select(f => sent.Contains(s.Key) ? f : f with { Required = false })],
                ApiSchemaWords.TypeOf(s.Value).Values))
            .ToList();
        return new ApiReference(groups, schemas);
    }

    /// <summary>
    /// The schemas a client sends, found from the request bodies. Only their fields can be "required": a response
    /// always holds every field of its schema.
    /// </summary>
    private static HashSet<string> Sent(OpenApiDocument openApi, IDictionary<string, IOpenApiSchema> components)
    {
        var bodies = (openApi.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.RequestBody?.Content?.Values ?? []).Select(c => c.Schema);
        var pending = new Queue<string>(bodies.SelectMany(ApiSchemaWords.References));
        var sent = new HashSet<string>();
        while (pending.TryDequeue(out var id))
        {
            if (sent.Add(id) && components.TryGetValue(id, out var schema))
            {
                foreach (var referenced in ApiSchemaWords.References(schema))
                {
                    pending.Enqueue(referenced);
                }
            }
        }

        return sent;
    }

    private static ApiOperationView Operation(string method, string path, OpenApiOperation operation, ApiAccess access)
    {
        var parameters = (operation.Parameters ?? [])
            .Select(p => new ApiParameterView(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "query", ApiSchemaWords.TypeOf(p.Schema),
                p.Required, string.IsNullOrWhiteSpace(p.Description) ? null : p.Description))
            .ToList();
        var body = operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema is { } bodySchema
            ? new ApiBodyView(ApiSchemaWords.TypeOf(bodySchema), operation.RequestBody.Required, ApiSchemaWords.FieldsOf(bodySchema))
            : null;
        var responses = (operation.Responses ?? [])
            .Select(r => new ApiResponseView(r.Key, r.Value.Description ?? "",
                r.Value.Content?.Values.FirstOrDefault()?.Schema is { } schema ? ApiSchemaWords.TypeOf(schema) : null))
            .ToList();

        // Refusals the authorization middleware gives before the endpoint runs, which the endpoint can't declare itself.
        if (access.NeedsToken && responses.All(r => r.Status != "401"))
        {
            responses.Add(new ApiResponseView("401", "No token, or one that is unknown or revoked", null));
        }

        if (access.NeedsRole && responses.All(r => r.Status != "403"))
        {
            responses.Add(new ApiResponseView("403", "The token's account doesn't have the role this needs", null));
        }

        return new ApiOperationView(
            method, path, ApiAnchors.Operation(operation.OperationId, method, path), operation.Summary, operation.Description,
            operation.Deprecated, access, parameters, body, [.. responses.OrderBy(r => r.Status, StringComparer.Ordinal)]);
    }
}
