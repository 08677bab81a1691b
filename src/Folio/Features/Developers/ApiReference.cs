using System.Text.RegularExpressions;

namespace Folio.Features.Developers;

/// <summary>The API as the /developers page shows it, read from the same OpenAPI document that /openapi/v1.json serves.</summary>
public sealed record ApiReference(IReadOnlyList<ApiTagGroup> Groups, IReadOnlyList<ApiSchemaView> Schemas)
{
    public IEnumerable<ApiOperationView> Operations => Groups.SelectMany(g => g.Operations);
}

public sealed record ApiTagGroup(string Name, string Anchor, string? Description, IReadOnlyList<ApiOperationView> Operations);

public sealed record ApiOperationView(
    string Method,
    string Path,
    string Anchor,
    string? Summary,
    string? Description,
    bool Deprecated,
    ApiAccess Access,
    IReadOnlyList<ApiParameterView> Parameters,
    ApiBodyView? RequestBody,
    IReadOnlyList<ApiResponseView> Responses);

public sealed record ApiParameterView(string Name, string Location, ApiTypeView Type, bool Required, string? Description);

public sealed record ApiBodyView(ApiTypeView Type, bool Required, IReadOnlyList<ApiFieldView> Fields);

public sealed record ApiFieldView(string Name, ApiTypeView Type, bool Required, string? Description);

public sealed record ApiResponseView(string Status, string Description, ApiTypeView? Body);

public sealed record ApiSchemaView(string Name, string? Description, IReadOnlyList<ApiFieldView> Fields, IReadOnlyList<string> Values)
{
    public string Anchor => ApiAnchors.Schema(Name);
}

/// <summary>
/// A type in words: <see cref="Prefix"/> ("array of "), then <see cref="Name"/>, which links to its schema when
/// <see cref="IsSchema"/>; "or null" when <see cref="Nullable"/>; and the allowed <see cref="Values"/> of an enum, as JSON.
/// </summary>
public sealed record ApiTypeView(string Prefix, string Name, bool IsSchema, bool Nullable, IReadOnlyList<string> Values);

/// <summary>Who may call an endpoint, read from its authorization metadata.</summary>
public sealed record ApiAccess(string Who, bool NeedsToken, bool NeedsRole)
{
    public static readonly ApiAccess Anyone = new("Anyone: no token needed", false, false);
}

public static partial class ApiAnchors
{
    public static string Schema(string name) => "schema-" + Slug(name);

    public static string Tag(string name) => "tag-" + Slug(name);

    public static string Operation(string? operationId, string method, string path) =>
        "op-" + Slug(operationId ?? $"{method}-{path}");

    private static string Slug(string text) => NotLetterOrDigit().Replace(text, "-").Trim('-');

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotLetterOrDigit();
}
