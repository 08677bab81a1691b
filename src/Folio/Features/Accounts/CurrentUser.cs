using System.Security.Claims;

namespace Folio.Features.Accounts;

public static class CurrentUser
{
    /// <summary>The signed-in person's account id; null for a visitor.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>For pages and endpoints that require sign-in, where a missing id is a bug, not a visitor.</summary>
    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("This needs a signed-in user; check its authorization policy.");
}
