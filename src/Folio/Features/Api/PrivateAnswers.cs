namespace Folio.Features.Api;

/// <summary>
/// An answer to a caller who sent a token is theirs alone (their account, drafts, what only they may see): no browser,
/// proxy or CDN may keep a copy of it.
/// </summary>
public sealed class PrivateAnswers : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Headers.Authorization.Count > 0)
        {
            http.Response.Headers.CacheControl = "no-store";
        }

        return next(context);
    }
}
