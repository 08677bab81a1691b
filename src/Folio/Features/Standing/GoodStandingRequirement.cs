using Microsoft.AspNetCore.Authorization;

namespace Folio.Features.Standing;

/// <summary>
/// Part of Policies.Write: the account is not suspended, banned, or unconfirmed where the site requires it. Moderating
/// and administering ask the same without the email (<paramref name="EmailCounts"/> false): an admin who turns the
/// confirmation rule on must not lock themselves out of the admin area.
/// </summary>
public sealed record GoodStandingRequirement(bool EmailCounts = true) : IAuthorizationRequirement;

public sealed class GoodStandingHandler(AccountStandings standings) : AuthorizationHandler<GoodStandingRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, GoodStandingRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return; // the policy's sign-in requirement answers for visitors
        }

        if (await standings.RefusalForAsync(context.User) is { } refusal && (requirement.EmailCounts || refusal.Kind != RefusalKind.EmailUnconfirmed))
        {
            context.Fail(new AuthorizationFailureReason(this, refusal.Message));
        }
        else
        {
            context.Succeed(requirement);
        }
    }
}
