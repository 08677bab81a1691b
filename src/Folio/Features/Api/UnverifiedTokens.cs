using Microsoft.AspNetCore.Authentication;

namespace Folio.Features.Api;

/// <summary>
/// A request that sends an Authorization header means to be someone; if the header doesn't verify (unknown, revoked
/// or malformed), it is answered 401 even where anonymous reads are allowed, so a client with a broken token finds
/// out instead of quietly seeing only public data.
/// </summary>
public sealed class UnverifiedTokens : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Headers.ContainsKey("Authorization")
            && (await http.AuthenticateAsync(TokenAuthenticationHandler.SchemeName)).Failure is not null)
        {
            return TypedResults.Challenge(authenticationSchemes: [TokenAuthenticationHandler.SchemeName]);
        }

        return await next(context);
    }
}
