using System.Text.Encodings.Web;
using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Api;

/// <summary>
/// `Authorization: Bearer folio_…`: the API's only way in. The token is hashed and looked up; a revoked token,
/// or one whose account is locked, is refused. Cookies are never read under /api, so a page can't be used to
/// make API calls on a visitor's behalf.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FolioDb db,
    IUserClaimsPrincipalFactory<FolioUser> principals,
    IProblemDetailsService problems,
    TokenUses uses,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.ContainsKey("Authorization"))
        {
            return AuthenticateResult.NoResult();
        }

        var header = Request.Headers.Authorization.ToString().Trim();
        if (!header.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) || header.Length > 6 && header[6] != ' ')
        {
            return AuthenticateResult.Fail("The Authorization header must be `Bearer <token>`.");
        }

        var token = header["Bearer".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("The Authorization header holds no token.");
        }

        var hash = TokenGenerator.Hash(token);
        var stored = await db.PersonalAccessTokens.Include(t => t.User)
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (stored is null)
        {
            return AuthenticateResult.Fail("The token is not one Folio issued, or it has been revoked.");
        }

        if (stored.User.LockoutEnd > now)
        {
            return AuthenticateResult.Fail("The token's account is locked.");
        }

        if (uses.ShouldRecord(stored.Id, stored.LastUsedAt, now.UtcDateTime))
        {
            await db.PersonalAccessTokens.Where(t => t.Id == stored.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now.UtcDateTime), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(stored.User);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer realm=\"Folio\"" : "Bearer realm=\"Folio\", error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign in with a personal access token",
                Detail = failure?.Message
                    ?? "Send `Authorization: Bearer <token>`. Create a token in Settings → API tokens, or with `token add`.",
            },
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Your account can't do this",
                Detail = "The token is valid, but its account doesn't have the role this needs.",
            },
        }).AsTask();
    }
}
