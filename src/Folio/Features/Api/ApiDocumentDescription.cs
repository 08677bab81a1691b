using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Folio.Features.Api;

/// <summary>
/// Names the API in its OpenAPI document and declares the Bearer token: required where the endpoint has an
/// authorization policy, optional elsewhere (a token still shows its owner's drafts and has its own rate limit).
/// </summary>
internal sealed class ApiDocumentDescription : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Folio API",
            Version = "v1",
            Description = "Read and write stories, communities, comments, reader insights and challenges. Send a personal access token as "
                + "`Authorization: Bearer <token>`; errors are RFC 9457 problem details; lists are paged with `cursor` and `limit`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (`folio_…`) from Settings → API tokens or `token add`.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var required = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] };
        operation.Security = required ? [bearer] : [new OpenApiSecurityRequirement(), bearer];
        return Task.CompletedTask;
    }
}
